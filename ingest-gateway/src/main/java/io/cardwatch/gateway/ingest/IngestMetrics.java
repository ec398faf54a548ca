package io.cardwatch.gateway.ingest;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What happens to each transaction the gateway is given, and how long Kafka takes to store it. Requests and
 * their status codes are counted by the HTTP server's own {@code http.server.request.duration}.
 */
@Singleton
class IngestMetrics {

    enum Result { ACCEPTED, RESENT, CONFLICT, OVERLOADED, KAFKA_UNAVAILABLE }

    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("cardwatch.ingest.result");
    private static final AttributeKey<Boolean> STORED = AttributeKey.booleanKey("cardwatch.publish.stored");

    private final LongCounter transactions;
    private final DoubleHistogram publishDuration;

    IngestMetrics(Meter meter) {
        transactions = meter.counterBuilder("cardwatch.ingest.transactions").setUnit("{transaction}")
                .setDescription("Valid transactions handled, by result").build();
        publishDuration = meter.histogramBuilder("cardwatch.ingest.publish.duration").setUnit("s")
                .setDescription("From handing a transaction to the Kafka producer to every in-sync replica having it")
                .setExplicitBucketBoundariesAdvice(List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                        1.0, 2.5, 5.0, 10.0))
                .build();
        for (Result result : Result.values()) {
            transactions.add(0, Attributes.of(RESULT, result.name()));
        }
    }

    void handled(Result result) {
        transactions.add(1, Attributes.of(RESULT, result.name()));
    }

    void published(long startNanos, boolean stored) {
        publishDuration.record((System.nanoTime() - startNanos) / 1e9, Attributes.of(STORED, stored));
    }
}
