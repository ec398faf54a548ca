package io.cardwatch.detector.sink;

import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one poll of decisions. Transient database failures abort the whole poll (it is redelivered); a
 * batch the database refuses is split in halves until the records it refuses are isolated and set aside,
 * so that one bad decision never holds back the others.
 */
@Singleton
class DecisionBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionBatchWriter.class);
    /** A failover that succeeded leaves a usable connection; more than a few in a row is an outage. */
    private static final int FAILOVER_RETRIES = 3;

    private final DecisionWriter writer;
    private final WriteFailureClassifier classifier;
    private final DeadLetterSink deadLetters;
    private final SinkMetrics metrics;

    DecisionBatchWriter(DecisionWriter writer, WriteFailureClassifier classifier, DeadLetterSink deadLetters,
                        SinkMetrics metrics) {
        this.writer = writer;
        this.classifier = classifier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    void write(Iterable<ConsumerRecord<String, byte[]>> records) {
        writeOrBisect(decode(records));
    }

    private List<DecisionRecord> decode(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<DecisionRecord> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Decision decision = Topics.DECISIONS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                decoded.add(new DecisionRecord(record, decision));
            } catch (SerializationException | NullPointerException e) {
                deadLetters.setAside(record, DeadLetterCause.UNDESERIALIZABLE, e);
            }
        }
        return decoded;
    }

    private void writeOrBisect(List<DecisionRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writeRetryingFailovers(batch);
        } catch (RejectedBatchException rejected) {
            if (batch.size() == 1) {
                deadLetters.setAside(batch.get(0).source(), DeadLetterCause.REJECTED_BY_DATABASE, rejected.getCause());
                return;
            }
            int middle = batch.size() / 2;
            writeOrBisect(batch.subList(0, middle));
            writeOrBisect(batch.subList(middle, batch.size()));
        }
    }

    private void writeRetryingFailovers(List<DecisionRecord> batch) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<Decision> decisions = batch.stream().map(DecisionRecord::decision).toList();
                long started = System.nanoTime();
                writer.write(decisions);
                metrics.batchWritten(decisions, Duration.ofNanos(System.nanoTime() - started));
                return;
            } catch (RuntimeException e) {
                WriteFailure failure = classifier.classify(e);
                if (failure == WriteFailure.PERMANENT) {
                    throw new RejectedBatchException(e);
                }
                if (failure == WriteFailure.TRANSIENT || attempt >= FAILOVER_RETRIES) {
                    metrics.retried();
                    throw new DatabaseUnavailableException("Cannot write " + batch.size() + " decisions from "
                            + batch.get(0).coordinates() + " on", e);
                }
                metrics.failedOver();
                LOG.warn("Database failed over while writing {} decisions from {}; writing them again", batch.size(),
                        batch.get(0).coordinates());
            }
        }
    }

    /** The database refused the batch for what is in it. */
    private static final class RejectedBatchException extends RuntimeException {
        RejectedBatchException(Throwable cause) {
            super(cause);
        }
    }
}
