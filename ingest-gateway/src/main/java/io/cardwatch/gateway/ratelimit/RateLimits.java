package io.cardwatch.gateway.ratelimit;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per producer: a producer over its rate waits, the others do not notice. */
@Singleton
public final class RateLimits {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * Takes one request from the producer's allowance.
     *
     * @return empty when the request may go ahead, else how long until it may
     */
    public Optional<Duration> take(String producer, double requestsPerSecond, int burst) {
        return buckets.computeIfAbsent(producer, name -> new TokenBucket(requestsPerSecond, burst))
                .take(System.nanoTime());
    }
}
