package io.cardwatch.detector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTest {

    private static final List<ScoringRule> DEFAULT_RULES = Rules.all(RuleParameters.DEFAULTS);

    @ParameterizedTest(name = "[{index}] {1}: {2} points")
    @CsvSource(delimiter = '|', textBlock = """
            # position on a decision | reason code | default points | only weighs what other rules found
            0  | BLOCKLISTED_CARD         | 1000 | false
            1  | BLOCKLISTED_MERCHANT     | 1000 | false
            2  | CONFIRMED_FRAUD          | 1000 | false
            3  | LARGE_AMOUNT             | 400  | false
            4  | AMOUNT_ANOMALY           | 300  | false
            5  | NEW_MERCHANT_HIGH_AMOUNT | 300  | false
            6  | UNUSUAL_HOUR             | 200  | false
            7  | DAILY_SPEND              | 150  | false
            8  | DAILY_COUNT              | 100  | false
            9  | VELOCITY_1M              | 300  | false
            10 | VELOCITY_10M             | 150  | false
            11 | VELOCITY_1H              | 150  | false
            12 | VELOCITY_24H             | 100  | false
            13 | VELOCITY_AMOUNT_1H       | 150  | false
            14 | VELOCITY_AMOUNT_24H      | 100  | false
            15 | IMPOSSIBLE_TRAVEL        | 300  | false
            16 | FAR_FROM_HOME            | 50   | false
            17 | NEW_COUNTRY              | 150  | false
            18 | NEW_CHANNEL              | 150  | false
            19 | HIGH_RISK_MERCHANT       | 150  | false
            20 | PROBING                  | 300  | false
            21 | CARD_TESTING             | 400  | false
            22 | FOLLOWS_ALERT            | 100  | true
            """)
    void runsEveryRuleUnderItsStableCodeWithItsDefaultPoints(int position, String code, int points,
                                                              boolean amplifies) {
        // when
        ScoringRule rule = DEFAULT_RULES.get(position);

        // then
        assertThat(rule.code()).isEqualTo(code);
        assertThat(rule.defaultPoints()).isEqualTo(points);
        assertThat(rule.amplifiesOtherFindings()).isEqualTo(amplifies);
    }

    @Test
    void runsNoOtherRule() {
        assertThat(DEFAULT_RULES).hasSize(23);
    }
}
