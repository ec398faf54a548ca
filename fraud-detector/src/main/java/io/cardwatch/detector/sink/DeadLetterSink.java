package io.cardwatch.detector.sink;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Topics;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets a decision record aside with why and where from, keeping its original key, value and headers. */
@Singleton
class DeadLetterSink {

    static final String UNDESERIALIZABLE = "UNDESERIALIZABLE";
    static final String REJECTED_BY_DATABASE = "REJECTED_BY_DATABASE";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSink.class);

    private final DeadLetterPublisher publisher;
    private final DeadLetterMetrics metrics;

    DeadLetterSink(DeadLetterPublisher publisher, DeadLetterMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
        metrics.expect(UNDESERIALIZABLE, Topics.DECISIONS.name());
        metrics.expect(REJECTED_BY_DATABASE, Topics.DECISIONS.name());
    }

    void setAside(ConsumerRecord<String, byte[]> record, String cause, Throwable error) {
        LOG.warn("Setting aside {}-{}@{} as {}: {}", record.topic(), record.partition(), record.offset(), cause,
                error.toString());
        var headers = DeadLetters.describe(new RecordHeaders(record.headers().toArray()), cause, error.toString(),
                record.topic(), record.partition(), record.offset());
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        publisher.publish(key, record.value(), headers);
        metrics.setAside(cause, record.topic());
    }
}
