package io.cardwatch.gateway.ingest;

import io.cardwatch.events.Transaction;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one valid transaction to Kafka: answers a resend from memory, refuses a reused ID with other facts,
 * bounds how many transactions wait for Kafka at once, and turns any failure to store into
 * {@link KafkaUnavailableException}.
 */
@Singleton
class TransactionIntake {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionIntake.class);

    private final TransactionPublisher publisher;
    private final RecentTransactions recent;
    private final Semaphore inFlight;
    private final IngestMetrics metrics;

    TransactionIntake(TransactionPublisher publisher, RecentTransactions recent, IngestConfiguration configuration,
                      IngestMetrics metrics) {
        this.publisher = publisher;
        this.recent = recent;
        this.inFlight = new Semaphore(configuration.maxInFlight());
        this.metrics = metrics;
    }

    CompletableFuture<Acceptance> submit(Transaction transaction, String producerId) {
        var known = recent.find(transaction.transactionId());
        if (known.isPresent()) {
            boolean resent = known.get().equals(transaction);
            metrics.handled(resent ? IngestMetrics.Result.RESENT : IngestMetrics.Result.CONFLICT);
            return resent
                    ? CompletableFuture.completedFuture(Acceptance.of(transaction.transactionId()))
                    : CompletableFuture.failedFuture(new ConflictingTransactionException(transaction.transactionId()));
        }
        if (!inFlight.tryAcquire()) {
            metrics.handled(IngestMetrics.Result.OVERLOADED);
            return CompletableFuture.failedFuture(
                    new KafkaUnavailableException("Too many transactions are waiting for Kafka", null));
        }
        return publish(transaction, producerId).whenComplete((stored, failure) -> inFlight.release());
    }

    private CompletableFuture<Acceptance> publish(Transaction transaction, String producerId) {
        CompletableFuture<?> sent;
        long start = System.nanoTime();
        try {
            sent = publisher.publish(transaction.cardId(), transaction, producerId);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((stored, failure) -> {
            metrics.published(start, failure == null);
            if (failure != null) {
                metrics.handled(IngestMetrics.Result.KAFKA_UNAVAILABLE);
                LOG.warn("Kafka did not store transaction {}: {}", transaction.transactionId(), rootMessage(failure));
                throw new CompletionException(new KafkaUnavailableException("Kafka did not store the transaction",
                        failure));
            }
            recent.remember(transaction);
            metrics.handled(IngestMetrics.Result.ACCEPTED);
            return Acceptance.of(transaction.transactionId());
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
