package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Label;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each analyst's verdict, keyed by card, to the card's profile ({@link CardProfile#withLabel}); a card
 * never scored gets a profile holding only the verdict. A stale verdict leaves the profile unwritten.
 */
final class LabelProcessor implements Processor<String, Label, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(LabelProcessor.class);

    private KeyValueStore<String, CardProfile> profiles;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.profiles = context.getStateStore(ScoringTopology.PROFILES_STORE);
    }

    @Override
    public void process(Record<String, Label> record) {
        Label label = record.value();
        CardProfile stored = profiles.get(label.cardId());
        CardProfile before = stored == null ? CardProfile.empty(label.cardId()) : stored;
        CardProfile after = before.withLabel(label);
        if (after == before) {
            // The transaction names the card for whoever may look it up; the card ID itself stays out of logs.
            LOG.info("{} verdict on {}, given at {}, changes nothing: a replay, or older than the card's latest "
                    + "verdict, given at {}", label.verdict(), label.transactionId(), label.labelledAt(),
                    before.lastLabelledAt());
            return;
        }
        profiles.put(label.cardId(), after);
        LOG.info("{} verdict of {} by {}: its card is {}", label.verdict(), label.transactionId(), label.analyst(),
                after.mark() == null ? "not marked" : "marked as confirmed fraud");
    }
}
