package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.liveconfig.LiveConfiguration;
import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each transaction of a card against the card's profile with {@link CardScoring} and keeps the profile
 * it leaves. Rejects invalid and too-old transactions to the dead-letter topic and drops transactions already
 * scored. Live transactions may reach Kafka at most the maximum age after their event time; history, loaded on
 * its own topic, may be of any age.
 */
final class ScoringProcessor implements Processor<String, Transaction, String, Decision> {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);

    private final CardScoring scoring;
    private final ScoringPolicy policy;
    private final ModelsInForce models;
    private ProcessorContext<String, Decision> context;
    private KeyValueStore<String, CardProfile> profiles;
    private KeyValueStore<String, RuleSet> ruleSets;
    private KeyValueStore<String, ListEntry> lists;

    ScoringProcessor(CardScoring scoring, ScoringPolicy policy, ModelsInForce models) {
        this.scoring = scoring;
        this.policy = policy;
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.profiles = context.getStateStore(ScoringTopology.PROFILES_STORE);
        this.ruleSets = context.getStateStore(LiveConfiguration.RULE_SETS_STORE);
        this.lists = context.getStateStore(LiveConfiguration.CARD_LISTS_STORE);
    }

    @Override
    public void process(Record<String, Transaction> record) {
        Transaction transaction = TransactionCheck.valid(record.key(), record.value());
        if (!fromHistory()) {
            rejectIfTooOld(transaction, Instant.ofEpochMilli(record.timestamp()));
        }
        String card = transaction.cardId();
        RuleSet ruleSet = LiveConfiguration.activeRuleSet(ruleSets, policy.defaultRuleSet());
        scoring.score(profiles.get(card), transaction, ruleSet, models.current(), LiveConfiguration.cardEntry(lists, card),
                        LiveConfiguration.merchantEntry(lists, transaction.merchantId()))
                .ifPresentOrElse(scored -> {
                    profiles.put(card, scored.profile());
                    // The transaction's headers go with its decision: the trace, and the producer that posted it,
                    // to whom alone the gateway answers the decision.
                    context.forward(record.withValue(scored.decision()));
                }, () -> LOG.info("Transaction {} at {} was already scored: its decision stands",
                        transaction.transactionId(), coordinates()));
    }

    private boolean fromHistory() {
        return context.recordMetadata().map(metadata -> Topics.TRANSACTION_HISTORY.name().equals(metadata.topic()))
                .orElse(false);
    }

    private String coordinates() {
        return context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
                .orElse("unknown position");
    }

    // Measured against the record's Kafka timestamp (when the broker stored it), not the wall clock, so that a
    // replay decides the same way.
    private void rejectIfTooOld(Transaction transaction, Instant published) {
        if (transaction.eventTime().isBefore(published.minus(policy.maxAge()))) {
            throw new RejectedRecordException(DeadLetterCause.TOO_OLD, "Transaction "
                    + transaction.transactionId() + " at " + transaction.eventTime() + " was published at " + published
                    + ", more than " + policy.maxAge() + " later");
        }
    }
}
