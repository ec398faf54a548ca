package io.cardwatch.detector.sink;

/**
 * The database cannot take writes right now. Thrown out of the listener so that the poll is not committed
 * and is delivered again after a pause.
 */
class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
