package io.cardwatch.gateway.ingest;

/** The answer to a producer once Kafka has durably stored its transaction. */
record Acceptance(String transactionId, String status) {

    static Acceptance of(String transactionId) {
        return new Acceptance(transactionId, "ACCEPTED");
    }
}
