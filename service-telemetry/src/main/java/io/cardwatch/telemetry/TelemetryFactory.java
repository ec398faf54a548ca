package io.cardwatch.telemetry;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.kafkaclients.v2_6.KafkaTelemetry;
import jakarta.inject.Singleton;

/** The instruments the services' own code records with, named after the service that records them. */
@Factory
class TelemetryFactory {

    @Singleton
    Meter meter(OpenTelemetry openTelemetry, @Value("${micronaut.application.name}") String service) {
        return openTelemetry.getMeter("io.cardwatch." + service);
    }

    @Singleton
    Tracer tracer(OpenTelemetry openTelemetry, @Value("${micronaut.application.name}") String service) {
        return openTelemetry.getTracer("io.cardwatch." + service);
    }

    @Singleton
    KafkaTelemetry kafkaTelemetry(OpenTelemetry openTelemetry) {
        return KafkaTelemetry.create(openTelemetry);
    }
}
