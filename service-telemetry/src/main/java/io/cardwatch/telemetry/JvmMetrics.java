package io.cardwatch.telemetry;

import io.micronaut.context.annotation.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.runtimemetrics.java17.RuntimeMetrics;
import jakarta.annotation.PreDestroy;

/** Memory, garbage collection, threads, classes and CPU of the JVM, under the semantic conventions' jvm.* names. */
@Context
class JvmMetrics implements AutoCloseable {

    private final RuntimeMetrics runtimeMetrics;

    JvmMetrics(OpenTelemetry openTelemetry) {
        this.runtimeMetrics = RuntimeMetrics.builder(openTelemetry).build();
    }

    @PreDestroy
    @Override
    public void close() {
        runtimeMetrics.close();
    }
}
