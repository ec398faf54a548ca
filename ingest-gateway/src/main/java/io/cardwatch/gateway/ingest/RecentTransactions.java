package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Transaction;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions this instance accepted most recently, by transaction ID, so that a resend gets the same
 * answer without being published again. Bounded: the oldest are forgotten first.
 */
@Singleton
class RecentTransactions {

    private final Map<String, Transaction> accepted;

    RecentTransactions(IngestConfiguration configuration) {
        int capacity = configuration.recentTransactions();
        this.accepted = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Transaction> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Transaction> find(String transactionId) {
        return Optional.ofNullable(accepted.get(transactionId));
    }

    synchronized void remember(Transaction transaction) {
        accepted.put(transaction.transactionId(), transaction);
    }
}
