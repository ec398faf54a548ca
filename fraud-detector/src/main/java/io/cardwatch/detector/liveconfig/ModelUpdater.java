package io.cardwatch.detector.liveconfig;

import io.cardwatch.detector.model.LoadedModel;
import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.events.FraudModel;
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
 * Puts each valid model published on {@code fraud-models} in force, compiled, and ignores unreadable and invalid
 * ones, so that the last good model stays; those reach the dead-letter topic through
 * {@link RejectedModelListener}. A tombstone withdraws the model under its key: without an active model the
 * rules alone decide. The store is in memory, so that every start replays the topic through here and the
 * models in force are rebuilt before the first transaction is scored.
 */
final class ModelUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelUpdater.class);

    private final ModelValidator validator;
    private final ModelsInForce models;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    ModelUpdater(ModelValidator validator, ModelsInForce models) {
        this.validator = validator;
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(LiveConfiguration.MODELS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            if (FraudModel.ACTIVE_KEY.equals(record.key()) || FraudModel.SHADOW_KEY.equals(record.key())) {
                store.delete(record.key());
                put(record.key(), null);
                LOG.info("The {} model was withdrawn", record.key());
            }
            return;
        }
        FraudModel model;
        try {
            model = Topics.FRAUD_MODELS.valueSerde().deserializer().deserialize(Topics.FRAUD_MODELS.name(), record.value());
        } catch (SerializationException e) {
            LOG.warn("Ignored unreadable model at {}: {}", LiveConfiguration.position(context), e.getMessage());
            return;
        }
        List<String> problems = validator.problems(record.key(), model);
        if (!problems.isEmpty()) {
            LOG.warn("Ignored invalid model at {}: {}", LiveConfiguration.position(context), problems);
            return;
        }
        put(record.key(), LoadedModel.of(model));
        store.put(record.key(), record.value());
        LOG.info("Model {} is in force as the {} model ({} trees)", model.version(), record.key(), model.trees().size());
    }

    private void put(String key, LoadedModel model) {
        if (FraudModel.ACTIVE_KEY.equals(key)) {
            models.setActive(model);
        } else {
            models.setShadow(model);
        }
    }
}
