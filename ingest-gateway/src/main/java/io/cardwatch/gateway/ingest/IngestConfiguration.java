package io.cardwatch.gateway.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of the ingest endpoints ({@code cardwatch.ingest.*}, documented in docs/configuration.md).
 *
 * @param maxClockSkew        how far in the future an event time may be, for producers' clock drift
 * @param maxBatchSize        most transactions in one batch request
 * @param maxInFlight         most transactions waiting for Kafka at once; beyond it the gateway answers 503
 *                            instead of buffering without limit
 * @param retryAfter          what {@code Retry-After} tells a producer when Kafka cannot take its transaction
 * @param recentTransactions  how many accepted transaction IDs the gateway remembers to answer a resend
 *                            without publishing it again
 */
@ConfigurationProperties("cardwatch.ingest")
record IngestConfiguration(
        @Bindable(defaultValue = "5m") Duration maxClockSkew,
        @Bindable(defaultValue = "500") int maxBatchSize,
        @Bindable(defaultValue = "10000") int maxInFlight,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Bindable(defaultValue = "100000") int recentTransactions) {
}
