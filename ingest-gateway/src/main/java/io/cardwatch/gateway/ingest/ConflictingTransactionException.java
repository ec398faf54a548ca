package io.cardwatch.gateway.ingest;

/** A transaction ID was reused for a transaction with different facts. */
final class ConflictingTransactionException extends RuntimeException {

    ConflictingTransactionException(String transactionId) {
        super("Transaction " + transactionId + " was already accepted with different content");
    }
}
