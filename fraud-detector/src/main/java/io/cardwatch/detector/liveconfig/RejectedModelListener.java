package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Sets every model the detector refuses aside on the dead-letter topic, once per consumer group (each
 * instance's global store ignores it on its own), so that whoever published it can see why.
 */
@KafkaListener(groupId = "cardwatch-model-validator", offsetReset = OffsetReset.EARLIEST)
class RejectedModelListener {

    private final ModelValidator validator;
    private final ConfigurationDeadLetters deadLetters;

    RejectedModelListener(ModelValidator validator, ConfigurationDeadLetters deadLetters) {
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.FRAUD_MODELS_NAME)
    void receive(ConsumerRecord<byte[], byte[]> record) {
        deadLetters.refuseUnless(record, Topics.FRAUD_MODELS, "model", validator::problems);
    }
}
