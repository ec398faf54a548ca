package io.cardwatch.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record set aside, and the one way to write it to {@link Topics#DEAD_LETTERS}: its original key, value and
 * headers, followed by the {@link DeadLetters} headers saying why and where from.
 */
public record DeadLetter(DeadLetterCause cause, Throwable error, String sourceTopic, int sourcePartition,
                         long sourceOffset, Headers sourceHeaders, byte[] key, byte[] value) {

    public static DeadLetter of(DeadLetterCause cause, Throwable error, ConsumerRecord<byte[], byte[]> source) {
        return new DeadLetter(cause, error, source.topic(), source.partition(), source.offset(), source.headers(),
                source.key(), source.value());
    }

    /** Where the record came from, as {@code topic-partition@offset}. */
    public String coordinates() {
        return sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    }

    public ProducerRecord<byte[], byte[]> toRecord() {
        // A copy: the source's headers stay as they were, whoever else reads them.
        Headers headers = new RecordHeaders(sourceHeaders.toArray())
                .add(DeadLetters.CAUSE, bytes(cause.name()))
                .add(DeadLetters.ERROR, bytes(error.toString()))
                .add(DeadLetters.SOURCE_TOPIC, bytes(sourceTopic))
                .add(DeadLetters.SOURCE_PARTITION, bytes(Integer.toString(sourcePartition)))
                .add(DeadLetters.SOURCE_OFFSET, bytes(Long.toString(sourceOffset)));
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, key, value, headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
