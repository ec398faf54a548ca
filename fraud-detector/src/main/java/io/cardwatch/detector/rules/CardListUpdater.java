package io.cardwatch.detector.rules;

import io.cardwatch.events.ListEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global store of card and merchant lists equal to the compacted topic; a tombstone unlists. */
final class CardListUpdater implements Processor<String, ListEntry, Void, Void> {

    private KeyValueStore<String, ListEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(LiveConfiguration.CARD_LISTS_STORE);
    }

    @Override
    public void process(Record<String, ListEntry> record) {
        if (record.value() == null || record.value().list() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
