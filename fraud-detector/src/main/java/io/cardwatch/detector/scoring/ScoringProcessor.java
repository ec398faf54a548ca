package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.LiveConfiguration;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each transaction of a card against its profile and recent activity, then adds it to both. Rejects
 * invalid and too-old transactions to the dead-letter topic and drops transactions already scored. Rules
 * look at event times (the transaction's own), so a transaction arriving out of order is scored against
 * the transactions that preceded it.
 */
final class ScoringProcessor implements Processor<String, Transaction, String, Decision> {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);

    private final Scorer scorer;
    private final ScoringPolicy policy;
    private ProcessorContext<String, Decision> context;
    private KeyValueStore<String, CardProfile> profiles;
    private KeyValueStore<String, CardActivity> activities;
    private WindowStore<String, Long> seen;
    private KeyValueStore<String, RuleSet> ruleSets;
    private KeyValueStore<String, ListEntry> lists;

    ScoringProcessor(Scorer scorer, ScoringPolicy policy) {
        this.scorer = scorer;
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.profiles = context.getStateStore(ScoringTopology.PROFILES_STORE);
        this.activities = context.getStateStore(ScoringTopology.ACTIVITY_STORE);
        this.seen = context.getStateStore(ScoringTopology.SEEN_STORE);
        this.ruleSets = context.getStateStore(LiveConfiguration.RULE_SETS_STORE);
        this.lists = context.getStateStore(LiveConfiguration.CARD_LISTS_STORE);
    }

    @Override
    public void process(Record<String, Transaction> record) {
        Transaction transaction = TransactionCheck.valid(record.key(), record.value());
        if (alreadySeen(transaction)) {
            LOG.info("Transaction {} of card {} at {} was already scored: its decision stands",
                    transaction.transactionId(), transaction.cardId(), coordinates());
            return;
        }
        rejectIfTooOld(transaction, Instant.ofEpochMilli(record.timestamp()));
        seen.put(transaction.transactionId(), transaction.eventTime().toEpochMilli(),
                transaction.eventTime().toEpochMilli());
        RuleSet ruleSet = LiveConfiguration.activeRuleSet(ruleSets, policy.defaultRuleSet());
        Optional<String> skipReason = policy.filter().skipReason(transaction);
        Decision decision = skipReason.isPresent()
                ? scorer.notScored(transaction, skipReason.get(), ruleSet)
                : scoreAndRemember(transaction, ruleSet);
        context.forward(record.withValue(decision));
    }

    private Decision scoreAndRemember(Transaction transaction, RuleSet ruleSet) {
        String card = transaction.cardId();
        CardProfile profile = Optional.ofNullable(profiles.get(card)).orElseGet(() -> CardProfile.empty(card));
        // Evicted as of this record's stream time, so that what a late transaction sees does not depend on when
        // its card was last used.
        Instant keepFrom = Instant.ofEpochMilli(context.currentStreamTimeMs()).minus(policy.activityRetention());
        CardActivity activity = Optional.ofNullable(activities.get(card)).orElse(CardActivity.NONE).since(keepFrom);
        Evidence evidence = new Evidence(profile, activity, LiveConfiguration.cardEntry(lists, card),
                LiveConfiguration.merchantEntry(lists, transaction.merchantId()));
        Decision decision = scorer.score(transaction, evidence, ruleSet);
        profiles.put(card, profile.with(transaction));
        activities.put(card, activity.with(transaction, keepFrom));
        return decision;
    }

    private boolean alreadySeen(Transaction transaction) {
        Instant time = transaction.eventTime();
        try (WindowStoreIterator<Long> found = seen.fetch(transaction.transactionId(),
                time.minus(policy.dedupHorizon()), time.plus(policy.dedupHorizon()))) {
            return found.hasNext();
        }
    }

    private String coordinates() {
        return context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
                .orElse("unknown position");
    }

    // Measured against the record's Kafka timestamp, not the wall clock, so that a replay decides the same way.
    private void rejectIfTooOld(Transaction transaction, Instant published) {
        if (transaction.eventTime().isBefore(published.minus(policy.maxAge()))) {
            throw new RejectedRecordException(RejectedRecordException.TOO_OLD, "Transaction "
                    + transaction.transactionId() + " at " + transaction.eventTime() + " was published at " + published
                    + ", more than " + policy.maxAge() + " later");
        }
    }
}
