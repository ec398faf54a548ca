package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.RejectedRecordException;
import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.Evidence;
import io.cardwatch.detector.rules.Rules;
import io.cardwatch.events.DeadLetterCause;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.util.Optional;

/**
 * What one transaction does to its card, as a function of the card's profile alone: the decision on it and the
 * profile after it. The topology applies it to each record and the backtest to each row of a history file,
 * so that both decide alike. Everything is measured in the card's own event time, never the wall clock or
 * the stream's time, so that the same transactions of a card in the same order always decide the same way.
 */
public final class CardScoring {

    private final Scorer scorer;
    private final ScoringPolicy policy;

    CardScoring(Scorer scorer, ScoringPolicy policy) {
        this.scorer = scorer;
        this.policy = policy;
    }

    /** The decision and the card's profile after it. */
    public record Scored(Decision decision, CardProfile profile) {
    }

    /**
     * Scores {@code transaction} against {@code profile} (null for a card never seen) with the rules and
     * {@code models}. Empty when the card has had this transaction already: its first decision stands. A
     * transaction too far before the card's latest to be told from a duplicate is refused with
     * {@link DeadLetterCause#TOO_OLD}.
     */
    public Optional<Scored> score(CardProfile profile, Transaction transaction, RuleSet ruleSet, Models models,
                                  ListEntry cardEntry, ListEntry merchantEntry) {
        CardProfile before = profile == null ? CardProfile.empty(transaction.cardId()) : profile;
        if (before.hasSeen(transaction.transactionId())) {
            return Optional.empty();
        }
        if (before.beforeHorizon(transaction.eventTime(), policy.profileSettings())) {
            throw new RejectedRecordException(DeadLetterCause.TOO_OLD, "Transaction "
                    + transaction.transactionId() + " at " + transaction.eventTime() + " is more than "
                    + policy.dedupHorizon() + " before card " + transaction.cardId() + "'s latest at "
                    + before.lastEventTime() + ": it could no longer be told from a duplicate");
        }
        Optional<String> skipReason = policy.filter().skipReason(transaction);
        if (skipReason.isPresent()) {
            return Optional.of(new Scored(scorer.notScored(transaction, skipReason.get(), ruleSet),
                    before.withSeen(transaction, policy.profileSettings())));
        }
        Decision decision = scorer.score(transaction, new Evidence(before, cardEntry, merchantEntry), ruleSet, models);
        CardProfile after = decision.outcome() == Outcome.APPROVE ? before.with(transaction, policy.profileSettings())
                : before.withSuspect(transaction, policy.profileSettings(), alertsOnItsOwn(decision, ruleSet));
        return Optional.of(new Scored(decision, after));
    }

    // Only an alert on the transaction's own evidence opens an escalation window: one raised by the escalation
    // itself would keep a wrongly alerted card under suspicion for as long as it is used.
    private static boolean alertsOnItsOwn(Decision decision, RuleSet ruleSet) {
        int own = decision.reasons().stream()
                .filter(reason -> !reason.code().equals(Rules.FOLLOWS_ALERT))
                .mapToInt(Reason::points)
                .sum();
        return decision.outcome() != Outcome.APPROVE && own >= ruleSet.reviewFrom();
    }
}
