package io.cardwatch.events;

import io.micronaut.configuration.kafka.serde.SerdeRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes {@code @KafkaClient} and {@code @KafkaListener} beans use the same wire format as the topology,
 * instead of Micronaut's own JSON mapper settings.
 */
@Singleton
final class EventSerdeRegistry implements SerdeRegistry {

    @Override
    @SuppressWarnings("unchecked")
    public <T> Serde<T> getSerde(Class<T> type) {
        return Topics.all().stream()
                .map(topic -> topic.valueSerde())
                .filter(serde -> serde instanceof JsonSerde<?> json && json.type() == type)
                .map(serde -> (Serde<T>) serde)
                .findFirst()
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
