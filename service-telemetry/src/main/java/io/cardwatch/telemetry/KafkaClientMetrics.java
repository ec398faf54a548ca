package io.cardwatch.telemetry;

import io.micronaut.configuration.kafka.config.AbstractKafkaConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Bridges the metrics of every Kafka client the application configures (producers, consumers, Kafka
 * Streams and the clients it creates) into OpenTelemetry, as {@code kafka.*} instruments: consumer lag per
 * partition, request latencies, Streams' process rates and the rest.
 */
@Singleton
class KafkaClientMetrics implements BeanCreatedEventListener<AbstractKafkaConfiguration<?, ?>> {

    private final KafkaTelemetry kafkaTelemetry;

    KafkaClientMetrics(KafkaTelemetry kafkaTelemetry) {
        this.kafkaTelemetry = kafkaTelemetry;
    }

    @Override
    public AbstractKafkaConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConfiguration<?, ?>> event) {
        Properties config = event.getBean().getConfig();
        kafkaTelemetry.metricConfigProperties().forEach((key, value) -> config.put(key,
                CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG.equals(key)
                        ? withReporter(config.get(key), (List<?>) value)
                        : value));
        return event.getBean();
    }

    /** Keeps the reporters already configured, each once. */
    private static List<String> withReporter(Object configured, List<?> added) {
        Set<String> reporters = new LinkedHashSet<>();
        if (configured instanceof Collection<?> classes) {
            classes.forEach(reporter -> reporters.add(className(reporter)));
        } else if (configured != null) {
            Arrays.stream(configured.toString().split(",")).map(String::trim).filter(name -> !name.isEmpty())
                    .forEach(reporters::add);
        }
        added.forEach(reporter -> reporters.add(className(reporter)));
        return List.copyOf(reporters);
    }

    private static String className(Object reporter) {
        return reporter instanceof Class<?> type ? type.getName() : reporter.toString();
    }
}
