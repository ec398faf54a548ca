package io.cardwatch.detector.rules;

import io.cardwatch.events.RuleSet;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each valid rule set to the global store and ignores invalid ones, so that the last good rule set
 * stays in force. Invalid ones reach the dead-letter topic through {@link RejectedRuleSetListener}, since
 * global processors cannot write to topics.
 */
final class RuleSetUpdater implements Processor<String, RuleSet, Void, Void> {

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
    public void process(Record<String, RuleSet> record) {
        if (record.value() == null) {
            LOG.warn("Ignored a tombstone for rule set {}: the last good rule set stays", record.key());
            return;
        }
        List<String> problems = validator.problems(record.key(), record.value());
        if (!problems.isEmpty()) {
            LOG.warn("Ignored invalid rule set at {}: {}", context.recordMetadata().map(Object::toString).orElse("?"),
                    problems);
            return;
        }
        store.put(record.key(), record.value());
        LOG.info("Rule set {} is active", record.value().version());
    }
}
