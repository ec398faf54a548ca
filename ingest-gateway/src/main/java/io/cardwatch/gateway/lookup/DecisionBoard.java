package io.cardwatch.gateway.lookup;

import io.cardwatch.events.Decision;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.metrics.Meter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.collections4.map.LRUMap;

/**
 * The most recent decisions by transaction ID, each with the producer that posted its transaction, and the
 * lookups waiting for one. Both are bounded; a waiting lookup holds a future, not a thread. A producer is
 * answered only the decisions on its own transactions: another's is, to it, a decision not made (it waits and
 * ends the same way), so that a lookup cannot tell whether another producer's transaction exists.
 */
@Singleton
class DecisionBoard {

    // The last decisions posted, exactly: a lookup does not keep a decision longer (hence get without
    // updating), and Caffeine's frequency-based eviction would forget most of the newest.
    private final LRUMap<String, Posted> recent;
    private final Map<String, Waiters> waiting = new HashMap<>();
    private final int maxWaiters;
    private int waiterCount;

    DecisionBoard(LookupConfiguration configuration, Meter meter) {
        this.maxWaiters = configuration.maxWaiters();
        // Waiting lookups beside their limit, so that an alert warns before lookups stop waiting.
        meter.gaugeBuilder("cardwatch.lookup.waiters").ofLongs().setUnit("{lookup}")
                .setDescription("Decision lookups waiting for a decision")
                .buildWithCallback(gauge -> gauge.record(waitingLookups()));
        meter.gaugeBuilder("cardwatch.lookup.waiters.limit").ofLongs().setUnit("{lookup}")
                .setDescription("Most decision lookups that may wait at once (cardwatch.lookup.max-waiters)")
                .buildWithCallback(gauge -> gauge.record(maxWaiters));
        this.recent = new LRUMap<>(configuration.recentDecisions());
    }

    /** {@code producerId} is null for a transaction that did not come through the gateway: nobody is answered. */
    synchronized void post(Decision decision, @Nullable String producerId) {
        Posted posted = new Posted(decision, producerId);
        recent.put(decision.transactionId(), posted);
        Waiters waiters = waiting.remove(decision.transactionId());
        if (waiters != null) {
            waiterCount -= waiters.count;
            waiters.decided.complete(posted);
        }
    }

    /** The decision as soon as it is posted for {@code producerId}, or empty once {@code wait} has passed. */
    CompletableFuture<Optional<Decision>> await(String transactionId, String producerId, Duration wait) {
        CompletableFuture<Posted> decided;
        synchronized (this) {
            Posted known = recent.get(transactionId, false);
            if (known != null && known.postedBy(producerId)) {
                return CompletableFuture.completedFuture(Optional.of(known.decision()));
            }
            if (wait.isZero() || waiterCount >= maxWaiters) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            Waiters waiters = waiting.computeIfAbsent(transactionId, id -> new Waiters());
            waiters.count++;
            waiterCount++;
            decided = waiters.decided;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        return decided.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(posted -> {
                    if (posted == null) {
                        giveUp(transactionId, decided);
                        return CompletableFuture.completedFuture(Optional.<Decision>empty());
                    }
                    return posted.postedBy(producerId)
                            ? CompletableFuture.completedFuture(Optional.of(posted.decision()))
                            : notMadeUntil(deadline);
                });
    }

    /** Empty when the wait ends, as for a transaction that was never decided. */
    private static CompletableFuture<Optional<Decision>> notMadeUntil(long deadline) {
        return new CompletableFuture<Optional<Decision>>().completeOnTimeout(Optional.empty(),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private synchronized void giveUp(String transactionId, CompletableFuture<Posted> decided) {
        Waiters waiters = waiting.get(transactionId);
        if (waiters != null && waiters.decided == decided) {
            waiterCount--;
            if (--waiters.count == 0) {
                waiting.remove(transactionId);
            }
        }
    }

    /** Lookups waiting now, for the gauge. */
    synchronized int waitingLookups() {
        return waiterCount;
    }

    private record Posted(Decision decision, @Nullable String producerId) {

        boolean postedBy(String producer) {
            return producerId != null && producerId.equals(producer);
        }
    }

    /** Everyone waiting for one transaction shares one future. */
    private static final class Waiters {
        final CompletableFuture<Posted> decided = new CompletableFuture<>();
        int count;
    }
}
