package io.cardwatch.detector.liveconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.RuleSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTest {

    private final RuleSetValidator validator = new RuleSetValidator(Set.of("LARGE_AMOUNT", "NEW_COUNTRY"));

    @Test
    void acceptsARuleSetWithOrderedThresholdsAndKnownRules() {
        RuleSet ruleSet = new RuleSet("2", 300, 700, Map.of("LARGE_AMOUNT", 500), Set.of("NEW_COUNTRY"));

        assertThat(validator.problems(RuleSet.ACTIVE_KEY, ruleSet)).isEmpty();
    }

    @Test
    void namesEverythingWrongWithARuleSet() {
        RuleSet ruleSet = new RuleSet(" ", 700, 300, Map.of("LARGE_AMOUNT", 1001), Set.of("NO_SUCH_RULE"));

        assertThat(validator.problems("rules", ruleSet)).containsExactly(
                "key must be 'active', was 'rules'",
                "version is missing",
                "thresholds must satisfy 1 <= reviewFrom < declineFrom <= 1000, were 700 and 300",
                "weight of LARGE_AMOUNT must be 0..1000, was 1001",
                "unknown rules [NO_SUCH_RULE]");
    }
}
