package io.cardwatch.detector.rules;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.deadletter.DeadLetterRecords;
import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets every rule set the detector refuses aside on the dead-letter topic, once per consumer group (each
 * instance's global store ignores it on its own), so that whoever published it can see why.
 */
@KafkaListener(groupId = "cardwatch-rule-set-validator", offsetReset = OffsetReset.EARLIEST)
class RejectedRuleSetListener {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedRuleSetListener.class);

    private final RuleSetValidator validator;
    private final Producer<byte[], byte[]> deadLetters;
    private final DeadLetterMetrics metrics;

    RejectedRuleSetListener(RuleSetValidator validator, @KafkaClient("dead-letters") Producer<byte[], byte[]> deadLetters,
                            DeadLetterMetrics metrics) {
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
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
                reject(record, RejectedRecordException.INVALID, new RejectedRecordException(
                        RejectedRecordException.INVALID, "Invalid rule set: " + String.join("; ", problems)));
            }
        } catch (SerializationException e) {
            reject(record, RejectedRecordException.UNDESERIALIZABLE, e);
        }
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, String cause, Exception error)
            throws ExecutionException, InterruptedException {
        LOG.warn("Rule set at {}-{}@{} rejected: {}", record.topic(), record.partition(), record.offset(),
                error.getMessage());
        deadLetters.send(DeadLetterRecords.of(cause, error, record.topic(), record.partition(), record.offset(),
                record.key(), record.value())).get();
        metrics.setAside(cause, record.topic());
    }
}
