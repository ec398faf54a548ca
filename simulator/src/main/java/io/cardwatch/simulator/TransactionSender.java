package io.cardwatch.simulator;

import io.cardwatch.events.Transaction;
import java.util.concurrent.CompletableFuture;

/** Delivers transactions to the system, retrying what may succeed later. */
public interface TransactionSender extends AutoCloseable {

    CompletableFuture<Delivery> send(Transaction transaction);

    @Override
    void close();
}
