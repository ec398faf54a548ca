package io.cardwatch.gateway.lookup;

import io.cardwatch.events.Decision;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The most recent decisions by transaction ID, and the lookups waiting for one. Both are bounded; a waiting
 * lookup holds a future, not a thread.
 */
@Singleton
class DecisionBoard {

    private final Map<String, Decision> recent;
    private final Map<String, Waiters> waiting = new HashMap<>();
    private final int maxWaiters;
    private int waiterCount;

    DecisionBoard(LookupConfiguration configuration) {
        int capacity = configuration.recentDecisions();
        this.maxWaiters = configuration.maxWaiters();
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void post(Decision decision) {
        recent.put(decision.transactionId(), decision);
        Waiters waiters = waiting.remove(decision.transactionId());
        if (waiters != null) {
            waiterCount -= waiters.count;
            waiters.decided.complete(decision);
        }
    }

    /** The decision as soon as it is posted, or empty once {@code wait} has passed. */
    CompletableFuture<Optional<Decision>> await(String transactionId, Duration wait) {
        CompletableFuture<Decision> decided;
        synchronized (this) {
            Decision known = recent.get(transactionId);
            if (known != null || wait.isZero() || waiterCount >= maxWaiters) {
                return CompletableFuture.completedFuture(Optional.ofNullable(known));
            }
            Waiters waiters = waiting.computeIfAbsent(transactionId, id -> new Waiters());
            waiters.count++;
            waiterCount++;
            decided = waiters.decided;
        }
        return decided.copy().completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(decision -> {
                    if (decision == null) {
                        giveUp(transactionId, decided);
                    }
                    return Optional.ofNullable(decision);
                });
    }

    private synchronized void giveUp(String transactionId, CompletableFuture<Decision> decided) {
        Waiters waiters = waiting.get(transactionId);
        if (waiters != null && waiters.decided == decided) {
            waiterCount--;
            if (--waiters.count == 0) {
                waiting.remove(transactionId);
            }
        }
    }

    /** Everyone waiting for one transaction shares one future. */
    private static final class Waiters {
        final CompletableFuture<Decision> decided = new CompletableFuture<>();
        int count;
    }
}
