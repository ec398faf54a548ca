package io.cardwatch.detector.liveconfig;

import io.cardwatch.events.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Says what is wrong with a rule set, so that a bad one is refused whole rather than half applied. */
public final class RuleSetValidator {

    static final int MAX_SCORE = 1000;

    private final Set<String> ruleCodes;

    /** @param ruleCodes the reason codes of the rules this detector runs: the only ones a rule set may name */
    public RuleSetValidator(Set<String> ruleCodes) {
        this.ruleCodes = Set.copyOf(ruleCodes);
    }

    /** The problems of {@code ruleSet} published under {@code key}; empty when it can be applied. */
    public List<String> problems(String key, RuleSet ruleSet) {
        List<String> problems = new ArrayList<>();
        if (!RuleSet.ACTIVE_KEY.equals(key)) {
            problems.add("key must be '" + RuleSet.ACTIVE_KEY + "', was '" + key + "'");
        }
        if (ruleSet.version() == null || ruleSet.version().isBlank()) {
            problems.add("version is missing");
        }
        if (ruleSet.reviewFrom() < 1 || ruleSet.declineFrom() > MAX_SCORE
                || ruleSet.reviewFrom() >= ruleSet.declineFrom()) {
            problems.add("thresholds must satisfy 1 <= reviewFrom < declineFrom <= " + MAX_SCORE + ", were "
                    + ruleSet.reviewFrom() + " and " + ruleSet.declineFrom());
        }
        for (Map.Entry<String, Integer> weight : ruleSet.weights().entrySet()) {
            if (weight.getValue() == null || weight.getValue() < 0 || weight.getValue() > MAX_SCORE) {
                problems.add("weight of " + weight.getKey() + " must be 0.." + MAX_SCORE + ", was " + weight.getValue());
            }
        }
        Set<String> unknown = new TreeSet<>(ruleSet.weights().keySet());
        unknown.addAll(ruleSet.disabledRules());
        unknown.removeAll(ruleCodes);
        if (!unknown.isEmpty()) {
            problems.add("unknown rules " + unknown);
        }
        return problems;
    }
}
