package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each valid rule set to the global store and ignores unreadable and invalid ones, so that the last
 * good rule set stays in force. Those reach the dead-letter topic through {@link RejectedRuleSetListener},
 * since global processors cannot write to topics.
 */
final class RuleSetUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetUpdater.class);

    private final RuleSetValidator validator;
    private KeyValueStore<String, RuleSet> store;
    private ProcessorContext<Void, Void> context;

    RuleSetUpdater(RuleSetValidator validator) {
        this.validator = validator;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(LiveConfiguration.RULE_SETS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            LOG.warn("Ignored a tombstone for rule set {}: the last good rule set stays", record.key());
            return;
        }
        RuleSet ruleSet;
        try {
            ruleSet = Topics.FRAUD_RULES.valueSerde().deserializer()
                    .deserialize(Topics.FRAUD_RULES.name(), record.value());
        } catch (SerializationException e) {
            LOG.warn("Ignored unreadable rule set at {}: {}", LiveConfiguration.position(context), e.getMessage());
            return;
        }
        List<String> problems = validator.problems(record.key(), ruleSet);
        if (!problems.isEmpty()) {
            LOG.warn("Ignored invalid rule set at {}: {}", LiveConfiguration.position(context), problems);
            return;
        }
        store.put(record.key(), ruleSet);
        LOG.info("Rule set {} is active", ruleSet.version());
    }
}
