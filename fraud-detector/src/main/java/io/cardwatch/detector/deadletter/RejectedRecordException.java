package io.cardwatch.detector.deadletter;

/**
 * Thrown by a processor for a record it must not process but must not lose either: the processing
 * exception handler sets it aside on the dead-letter topic under {@link #cause()} and processing goes on.
 */
public final class RejectedRecordException extends RuntimeException {

    /** The record could not be read as the topic's type. */
    public static final String UNDESERIALIZABLE = "UNDESERIALIZABLE";
    /** The record was read but breaks the contract (missing fields, key not the card ID...). */
    public static final String INVALID = "INVALID";
    /** The record reached Kafka longer after its event time than the configured maximum age. */
    public static final String TOO_OLD = "TOO_OLD";

    private final String cause;

    public RejectedRecordException(String cause, String message) {
        super(message);
        this.cause = cause;
    }

    public String cause() {
        return cause;
    }
}
