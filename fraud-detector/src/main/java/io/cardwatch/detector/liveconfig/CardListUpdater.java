package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.ListEntry;
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
 * Keeps the global store of card and merchant lists equal to the valid entries of the compacted topic; a
 * tombstone unlists. An unreadable or invalid record leaves the key's previous entry in force, and reaches the
 * dead-letter topic through {@link RejectedListEntryListener}, since global processors cannot write to topics.
 */
final class CardListUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CardListUpdater.class);

    private KeyValueStore<String, ListEntry> store;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(LiveConfiguration.CARD_LISTS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        ListEntry entry;
        try {
            entry = Topics.CARD_LISTS.valueSerde().deserializer()
                    .deserialize(Topics.CARD_LISTS.name(), record.value());
        } catch (SerializationException e) {
            // The position finds the record; its key, a card ID for card entries, stays out of logs.
            LOG.warn("Ignored unreadable list entry at {}: {}", LiveConfiguration.position(context), e.getMessage());
            return;
        }
        List<String> problems = ListEntryValidator.problems(record.key(), entry);
        if (!problems.isEmpty()) {
            LOG.warn("Ignored invalid list entry at {}: {}", LiveConfiguration.position(context), problems);
            return;
        }
        store.put(record.key(), entry);
    }
}
