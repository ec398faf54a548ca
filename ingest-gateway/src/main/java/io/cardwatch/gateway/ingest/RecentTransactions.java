package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Transaction;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.commons.collections4.map.LRUMap;

/**
 * The transactions this instance accepted most recently, by transaction ID, so that a resend gets the same
 * answer without being published again. Bounded: the oldest are forgotten first.
 */
@Singleton
class RecentTransactions {

    // Least recently used first out, exactly: Caffeine's frequency-based eviction would forget most of a stream
    // of IDs that are each seen once, the very IDs a resend repeats.
    private final LRUMap<String, Transaction> accepted;

    RecentTransactions(IngestConfiguration configuration) {
        this.accepted = new LRUMap<>(configuration.recentTransactions());
    }

    synchronized Optional<Transaction> find(String transactionId) {
        return Optional.ofNullable(accepted.get(transactionId));
    }

    synchronized void remember(Transaction transaction) {
        accepted.put(transaction.transactionId(), transaction);
    }
}
