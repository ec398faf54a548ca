package io.cardwatch.detector.sink;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Moves decisions from Kafka into PostgreSQL a poll at a time. Offsets are committed only after the
 * database transaction, and the write is an idempotent upsert, so a crash in between replays safely.
 */
@KafkaListener(groupId = "cardwatch-decision-sink", batch = true, offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "200ms"),
        properties = @Property(name = ConsumerConfig.ISOLATION_LEVEL_CONFIG, value = "read_committed"))
class DecisionSink {

    private final DecisionWriter writer;

    DecisionSink(DecisionWriter writer) {
        this.writer = writer;
    }

    @Topic(Topics.DECISIONS_NAME)
    void receive(List<Decision> decisions) {
        writer.write(decisions);
    }
}
