package io.cardwatch.telemetry;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;

/**
 * Every producer the application's Kafka clients use records a publish span and writes its W3C
 * {@code traceparent} into the record's headers, so that a transaction's trace continues in the services
 * that consume it.
 */
@Singleton
class KafkaProducerTracing implements BeanCreatedEventListener<Producer<?, ?>> {

    private final KafkaTelemetry kafkaTelemetry;

    KafkaProducerTracing(KafkaTelemetry kafkaTelemetry) {
        this.kafkaTelemetry = kafkaTelemetry;
    }

    @Override
    public Producer<?, ?> onCreated(BeanCreatedEvent<Producer<?, ?>> event) {
        return kafkaTelemetry.wrap(event.getBean());
    }
}
