package io.cardwatch.simulator;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the HTTP senders resend what the gateway could not store yet: up to {@code maxAttempts} posts in all,
 * {@value #DELAY_MS} ms apart, with the same transaction IDs, which the gateway's idempotency makes safe.
 *
 * @param <T> what one post leaves to decide on: its status, or the events still to resend
 */
final class GatewayRetry<T> {

    private static final long DELAY_MS = 200;
    // One timer for the delays of every sender; a daemon, so that it never keeps a finished run alive.
    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gateway-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final Retry retry;

    /** @param worthResending whether what a post left calls for another post */
    GatewayRetry(String name, int maxAttempts, Predicate<T> worthResending) {
        this.retry = Retry.of(name, RetryConfig.<T>custom()
                .maxAttempts(maxAttempts)
                .waitDuration(Duration.ofMillis(DELAY_MS))
                .retryOnResult(worthResending)
                .build());
    }

    /** Posts until what a post leaves is not worth resending or the attempts are spent; completes with the last. */
    CompletableFuture<T> post(Supplier<CompletionStage<T>> attempt) {
        return retry.executeCompletionStage(DELAYS, attempt).toCompletableFuture();
    }

    /** Whether a whole answer refuses the request for good: a 4xx other than 429 (too many requests). */
    static boolean refused(int status) {
        return status >= 400 && status < 500 && status != 429;
    }
}
