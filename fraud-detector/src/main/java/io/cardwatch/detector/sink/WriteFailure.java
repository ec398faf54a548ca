package io.cardwatch.detector.sink;

/** What a failed database write means for the records in it. */
enum WriteFailure {
    /** The wrapper failed over to a new writer and the connection is usable again: retry at once. */
    FAILED_OVER,
    /** The database is unreachable, restarting or overloaded: retry the whole poll later. */
    TRANSIENT,
    /** The records themselves were refused (bad data, a constraint): retrying cannot help. */
    PERMANENT
}
