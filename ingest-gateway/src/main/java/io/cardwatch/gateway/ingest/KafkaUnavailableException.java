package io.cardwatch.gateway.ingest;

/** Kafka did not acknowledge a transaction in time, or the gateway has too many waiting already. */
final class KafkaUnavailableException extends RuntimeException {

    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
