package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sets every {@code card-lists} record the detector refuses aside on the dead-letter topic, once per consumer
 * group: each instance's global store ignores it on its own.
 */
@KafkaListener(groupId = "cardwatch-list-entry-validator", offsetReset = OffsetReset.EARLIEST)
class RejectedListEntryListener {

    private final ConfigurationDeadLetters deadLetters;

    RejectedListEntryListener(ConfigurationDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.CARD_LISTS_NAME)
    void receive(ConsumerRecord<byte[], byte[]> record) {
        deadLetters.refuseUnless(record, Topics.CARD_LISTS, "list entry", ListEntryValidator::problems);
    }
}
