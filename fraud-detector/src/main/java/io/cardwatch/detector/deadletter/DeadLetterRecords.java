package io.cardwatch.detector.deadletter;

import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the record that sets an input aside: its original bytes, and headers saying why and from where. */
public final class DeadLetterRecords {

    private DeadLetterRecords() {
    }

    public static ProducerRecord<byte[], byte[]> of(String cause, Exception error, String sourceTopic, int partition,
                                                    long offset, byte[] key, byte[] value) {
        var headers = DeadLetters.describe(new RecordHeaders(), cause, error.getClass().getName() + ": "
                + error.getMessage(), sourceTopic, partition, offset);
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, key, value, headers);
    }
}
