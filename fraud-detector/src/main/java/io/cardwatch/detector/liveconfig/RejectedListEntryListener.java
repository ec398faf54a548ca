package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sets every {@code card-lists} record the detector refuses (unreadable, or breaking the key and value
 * contract) aside on the dead-letter topic, once per consumer group: each instance's global store ignores it
 * on its own.
 */
@KafkaListener(groupId = "cardwatch-list-entry-validator", offsetReset = OffsetReset.EARLIEST)
class RejectedListEntryListener {

    private final ConfigurationDeadLetters deadLetters;

    RejectedListEntryListener(ConfigurationDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.CARD_LISTS_NAME)
    void receive(ConsumerRecord<byte[], byte[]> record) throws ExecutionException, InterruptedException {
        if (record.value() == null) {
            return;
        }
        String key = record.key() == null ? null
                : Topics.CARD_LISTS.keySerde().deserializer().deserialize(record.topic(), record.key());
        try {
            ListEntry entry = Topics.CARD_LISTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            List<String> problems = ListEntryValidator.problems(key, entry);
            if (!problems.isEmpty()) {
                deadLetters.setAside(record, RejectedRecordException.INVALID, new RejectedRecordException(
                        RejectedRecordException.INVALID, "Invalid list entry: " + String.join("; ", problems)));
            }
        } catch (SerializationException e) {
            deadLetters.setAside(record, RejectedRecordException.UNDESERIALIZABLE, e);
        }
    }
}
