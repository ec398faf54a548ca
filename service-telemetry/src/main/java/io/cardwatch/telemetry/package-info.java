/**
 * What both services share of OpenTelemetry. The SDK itself is micronaut-tracing's bean, configured by the
 * SDK's autoconfigure module from {@code otel.*} in application.yml and the standard {@code OTEL_*} variables;
 * this package adds what that module does not: closing it (so spans are flushed and the scrape port freed),
 * JVM metrics, Kafka client metrics, trace propagation through the producers, and spans exported without card
 * IDs.
 */
package io.cardwatch.telemetry;
