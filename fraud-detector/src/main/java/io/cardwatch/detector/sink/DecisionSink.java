package io.cardwatch.detector.sink;

import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Moves decisions from Kafka into PostgreSQL a poll at a time. Offsets are committed only after the
 * database transaction; when the database is away the poll is not committed and comes again after a
 * pause, for as long as the outage lasts. The writes are idempotent, so a redelivery changes nothing.
 */
@KafkaListener(groupId = "cardwatch-decision-sink", batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = Integer.MAX_VALUE,
                retryDelay = "2s"),
        properties = {
            @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"),
            @Property(name = ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    value = "org.apache.kafka.common.serialization.StringDeserializer"),
            // Raw bytes: an unreadable decision is set aside by the sink instead of stalling the consumer.
            @Property(name = ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    value = "org.apache.kafka.common.serialization.ByteArrayDeserializer")
        })
class DecisionSink {

    private final DecisionBatchWriter writer;
    private final DecisionWriteSpans spans;

    DecisionSink(DecisionBatchWriter writer, DecisionWriteSpans spans) {
        this.writer = writer;
        this.spans = spans;
    }

    @Topic(Topics.DECISIONS_NAME)
    void receive(ConsumerRecords<String, byte[]> records) {
        var written = spans.start(records);
        try {
            writer.write(records);
        } catch (RuntimeException e) {
            spans.fail(written, e);
            throw e;
        }
        spans.end(written);
    }
}
