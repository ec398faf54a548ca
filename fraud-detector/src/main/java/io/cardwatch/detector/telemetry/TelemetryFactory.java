package io.cardwatch.detector.telemetry;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenTelemetry SDK, configured by its own autoconfigure module: the standard {@code OTEL_*}
 * environment variables win over the {@code otel.*} defaults in application.yml.
 */
@Factory
class TelemetryFactory {

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetrySdk openTelemetry(Environment environment) {
        Map<String, String> defaults = new HashMap<>();
        environment.getProperties("otel", StringConvention.RAW)
                .forEach((key, value) -> defaults.put("otel." + key, String.valueOf(value)));
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .build()
                .getOpenTelemetrySdk();
    }

    @Singleton
    Meter meter(OpenTelemetry openTelemetry) {
        return openTelemetry.getMeter("io.cardwatch.detector");
    }
}
