package io.cardwatch.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per producer, holding up to its burst and refilled at its rate: a producer over its rate
 * waits, the others do not notice.
 */
@Singleton
public final class RateLimits {

    private static final double NANOS_PER_SECOND = 1e9;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter clock;

    @Inject
    RateLimits() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimits(TimeMeter clock) {
        this.clock = clock;
    }

    /**
     * Takes one request from the producer's allowance.
     *
     * @return empty when the request may go ahead, else the whole seconds until it may (at least 1): its
     *         {@code Retry-After}
     */
    public OptionalLong take(String producer, double requestsPerSecond, int burst) {
        ConsumptionProbe probe = buckets.computeIfAbsent(producer, name -> bucket(requestsPerSecond, burst))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill())
                .plusNanos(999_999_999).toSeconds()));
    }

    /** Bucket4j refills whole tokens per period, and a rate may be below one a second: one token per 1/rate. */
    private Bucket bucket(double requestsPerSecond, int burst) {
        Duration perToken = Duration.ofNanos(Math.round(NANOS_PER_SECOND / requestsPerSecond));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, perToken))
                .withCustomTimePrecision(clock)
                .build();
    }
}
