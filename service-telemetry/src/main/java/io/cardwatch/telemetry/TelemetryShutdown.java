package io.cardwatch.telemetry;

import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.inject.Singleton;

/**
 * Closes the SDK with the application: the last spans are exported instead of lost, and the Prometheus
 * scrape port is released. micronaut-tracing's factory leaves the SDK open.
 */
@Singleton
class TelemetryShutdown implements BeanPreDestroyEventListener<OpenTelemetry> {

    @Override
    public OpenTelemetry onPreDestroy(BeanPreDestroyEvent<OpenTelemetry> event) {
        if (event.getBean() instanceof OpenTelemetrySdk sdk) {
            sdk.close();
        }
        return event.getBean();
    }
}
