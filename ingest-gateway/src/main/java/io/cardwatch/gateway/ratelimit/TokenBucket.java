package io.cardwatch.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

/** Holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final int burst;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, int burst) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    synchronized Optional<Duration> take(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }
}
