package io.cardwatch.detector.scoring;

import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.ModelRisk;
import io.cardwatch.detector.model.Models;
import io.cardwatch.detector.rules.Evidence;
import io.cardwatch.detector.rules.ScoringRule;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.ModelScore;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the enabled rules on a transaction, and the models in force on its features, and turns the points they
 * add, weighted by the active rule set, into a decision.
 */
public final class Scorer {

    static final int MAX_SCORE = 1000;
    public static final String ALLOWLISTED = "ALLOWLISTED";
    public static final String NOT_SCORED = "NOT_SCORED";

    private final List<ScoringRule> rules;
    private final Clock clock;

    Scorer(List<ScoringRule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    /** The reason codes of every rule and of the model's reason, which rule sets may weigh or disable. */
    public Set<String> ruleCodes() {
        return Stream.concat(rules.stream().map(ScoringRule::code), Stream.of(ModelRisk.CODE))
                .collect(Collectors.toUnmodifiableSet());
    }

    Decision score(Transaction transaction, Evidence evidence, RuleSet ruleSet, Models models) {
        Optional<Reason> allowlisted = allowlisted(transaction, evidence);
        if (allowlisted.isPresent()) {
            return decision(transaction, Outcome.APPROVE, 0, List.of(allowlisted.get()), ruleSet, List.of());
        }
        List<Reason> reasons = findings(transaction, evidence, ruleSet);
        // The features are computed only when a model will read them: they cost as much as the rules.
        ModelRisk.Finding model = models.any()
                ? ModelRisk.of(models, Features.of(transaction, evidence.profile()), ruleSet)
                : ModelRisk.Finding.NONE;
        model.reason().ifPresent(reasons::add);
        int score = Math.min(MAX_SCORE, reasons.stream().mapToInt(Reason::points).sum());
        return decision(transaction, outcome(score, ruleSet), score, reasons, ruleSet, model.scores());
    }

    /** The decision on a transaction the pre-scoring filter let through unscored, saying why. */
    Decision notScored(Transaction transaction, String why, RuleSet ruleSet) {
        return decision(transaction, Outcome.APPROVE, 0, List.of(new Reason(NOT_SCORED, 0, why)), ruleSet, List.of());
    }

    private List<Reason> findings(Transaction transaction, Evidence evidence, RuleSet ruleSet) {
        List<Reason> findings = new ArrayList<>();
        for (ScoringRule rule : rules) {
            if (ruleSet.disabledRules().contains(rule.code()) || rule.amplifiesOtherFindings() && !anyPoints(findings)) {
                continue;
            }
            rule.evaluate(transaction, evidence).ifPresent(facts -> findings.add(new Reason(rule.code(),
                    (int) Math.round(ruleSet.weights().getOrDefault(rule.code(), rule.defaultPoints())
                            * rule.strength(transaction, evidence)), facts)));
        }
        return findings;
    }

    private static boolean anyPoints(List<Reason> findings) {
        for (Reason found : findings) {
            if (found.points() > 0) {
                return true;
            }
        }
        return false;
    }

    // A blocklisting always wins over an allowlisting.
    private static Optional<Reason> allowlisted(Transaction transaction, Evidence evidence) {
        if (evidence.cardOn(ListEntry.ListType.BLOCK) || evidence.merchantOn(ListEntry.ListType.BLOCK)) {
            return Optional.empty();
        }
        if (evidence.cardOn(ListEntry.ListType.ALLOW)) {
            return Optional.of(new Reason(ALLOWLISTED, 0, "card " + transaction.cardId() + " is allowlisted: "
                    + evidence.cardEntry().note()));
        }
        if (evidence.merchantOn(ListEntry.ListType.ALLOW)) {
            return Optional.of(new Reason(ALLOWLISTED, 0, "merchant " + transaction.merchantId()
                    + " is allowlisted: " + evidence.merchantEntry().note()));
        }
        return Optional.empty();
    }

    private Decision decision(Transaction transaction, Outcome outcome, int score, List<Reason> reasons,
                              RuleSet ruleSet, List<ModelScore> models) {
        return new Decision(transaction.transactionId(), transaction.cardId(), outcome, score, reasons,
                transaction.amount(), transaction.currency(), transaction.merchantId(), transaction.eventTime(),
                clock.instant(), ruleSet.version(), transaction.merchantCategory(), transaction.country(),
                transaction.latitude(), transaction.longitude(), transaction.channel(), models);
    }

    private static Outcome outcome(int score, RuleSet ruleSet) {
        if (score >= ruleSet.declineFrom()) {
            return Outcome.DECLINE;
        }
        return score >= ruleSet.reviewFrom() ? Outcome.REVIEW : Outcome.APPROVE;
    }
}
