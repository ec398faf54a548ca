package io.cardwatch.detector.sink;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.deadletter.DeadLetterPublisher;
import io.cardwatch.events.DeadLetter;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Topics;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Sets a decision record aside with why and where from, keeping its original key, value and headers. */
@Singleton
class DeadLetterSink {

    private final DeadLetterPublisher publisher;

    DeadLetterSink(DeadLetterPublisher publisher, DeadLetterMetrics metrics) {
        this.publisher = publisher;
        metrics.expect(DeadLetterCause.UNDESERIALIZABLE, Topics.DECISIONS.name());
        metrics.expect(DeadLetterCause.REJECTED_BY_DATABASE, Topics.DECISIONS.name());
    }

    /** Returns once the broker has the dead letter: the poll's offsets are committed after it. */
    void setAside(ConsumerRecord<String, byte[]> record, DeadLetterCause cause, Throwable error) {
        // The sink reads keys as text; the dead letter keeps the bytes they came as.
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        publisher.setAside(new DeadLetter(cause, error, record.topic(), record.partition(), record.offset(),
                record.headers(), key, record.value()));
    }
}
