package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Sets every rule set the detector refuses aside on the dead-letter topic, once per consumer group (each
 * instance's global store ignores it on its own), so that whoever published it can see why.
 */
@KafkaListener(groupId = "cardwatch-rule-set-validator", offsetReset = OffsetReset.EARLIEST)
class RejectedRuleSetListener {

    private final RuleSetValidator validator;
    private final ConfigurationDeadLetters deadLetters;

    RejectedRuleSetListener(RuleSetValidator validator, ConfigurationDeadLetters deadLetters) {
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.FRAUD_RULES_NAME)
    void receive(ConsumerRecord<byte[], byte[]> record) throws ExecutionException, InterruptedException {
        if (record.value() == null) {
            return;
        }
        String key = record.key() == null ? null : Topics.FRAUD_RULES.keySerde().deserializer().deserialize(record.topic(), record.key());
        try {
            RuleSet ruleSet = Topics.FRAUD_RULES.valueSerde().deserializer().deserialize(record.topic(), record.value());
            List<String> problems = validator.problems(key, ruleSet);
            if (!problems.isEmpty()) {
                deadLetters.setAside(record, RejectedRecordException.INVALID, new RejectedRecordException(
                        RejectedRecordException.INVALID, "Invalid rule set: " + String.join("; ", problems)));
            }
        } catch (SerializationException e) {
            deadLetters.setAside(record, RejectedRecordException.UNDESERIALIZABLE, e);
        }
    }
}
