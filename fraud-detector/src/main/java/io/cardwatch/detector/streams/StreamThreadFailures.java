package io.cardwatch.detector.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream thread's uncaught exception does: the thread is replaced, so that a transient failure costs one
 * rebalance rather than the instance's share of scoring; but once {@code replacements} threads have been
 * replaced within {@code window}, the failure is taken as lasting and the client shuts down, which fails the
 * liveness check and lets Kubernetes restart the pod.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final int replacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replaced = new ArrayDeque<>();

    StreamThreadFailures(int replacements, Duration window, Clock clock) {
        this.replacements = replacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        StreamThreadExceptionResponse response = respondAt(clock.instant());
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            LOG.error("Stream thread {} failed; replacing it ({} of {} replacements allowed within {})",
                    Thread.currentThread().getName(), replaced.size(), replacements, window, exception);
        } else {
            LOG.error("Stream thread {} failed after {} replacements within {}; shutting Kafka Streams down",
                    Thread.currentThread().getName(), replacements, window, exception);
        }
        return response;
    }

    /** Stream threads fail one at a time per client, but two may fail together: kept consistent under a lock. */
    synchronized StreamThreadExceptionResponse respondAt(Instant failedAt) {
        while (!replaced.isEmpty() && !replaced.peekFirst().isAfter(failedAt.minus(window))) {
            replaced.removeFirst();
        }
        if (replaced.size() >= replacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replaced.addLast(failedAt);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
