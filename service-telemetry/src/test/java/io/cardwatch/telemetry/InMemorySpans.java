package io.cardwatch.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@code otel.traces.exporter=in-memory}: an exporter the SDK configures by name, as it does OTLP, for tests. */
public final class InMemorySpans implements ConfigurableSpanExporterProvider {

    static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return EXPORTER;
    }

    @Override
    public String getName() {
        return "in-memory";
    }
}
