package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetterCause;

/**
 * Thrown by a processor for a record it must not process but must not lose either: the processing
 * exception handler sets it aside on the dead-letter topic under {@link #cause()} and processing goes on.
 */
public final class RejectedRecordException extends RuntimeException {

    private final DeadLetterCause cause;

    public RejectedRecordException(DeadLetterCause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public DeadLetterCause cause() {
        return cause;
    }
}
