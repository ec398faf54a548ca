package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.deadletter.DeadLetterPublisher;
import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.DeadLetter;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Topic;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sets a live-configuration record the global stores refuse (unreadable, or breaking the key and value contract)
 * aside on the dead-letter topic, untouched. Returns once the broker has the dead letter, so that the listener
 * commits the record only then.
 */
@Singleton
class ConfigurationDeadLetters {

    private final DeadLetterPublisher publisher;

    ConfigurationDeadLetters(DeadLetterPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Sets {@code record} aside unless it reads as {@code topic}'s type and has no {@code problems}. A tombstone
     * only removes what its key held and is never refused.
     */
    <V> void refuseUnless(ConsumerRecord<byte[], byte[]> record, Topic<String, V> topic, String what,
                          BiFunction<String, V, List<String>> problems) {
        if (record.value() == null) {
            return;
        }
        String key = record.key() == null ? null : topic.keySerde().deserializer().deserialize(record.topic(), record.key());
        try {
            List<String> found = problems.apply(key, topic.valueSerde().deserializer().deserialize(record.topic(),
                    record.value()));
            if (!found.isEmpty()) {
                publisher.setAside(DeadLetter.of(DeadLetterCause.INVALID, new RejectedRecordException(
                        DeadLetterCause.INVALID, "Invalid " + what + ": " + String.join("; ", found)), record));
            }
        } catch (SerializationException e) {
            publisher.setAside(DeadLetter.of(DeadLetterCause.UNDESERIALIZABLE, e, record));
        }
    }
}
