package io.cardwatch.telemetry;

import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import jakarta.inject.Singleton;

/** Every span exporter the SDK configures (OTLP, logging) exports through {@link SpanRedaction}. */
@Singleton
class SpanRedactionSetup implements OpenTelemetryBuilderCustomizer {

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addSpanExporterCustomizer((exporter, config) -> new SpanRedaction(exporter));
    }
}
