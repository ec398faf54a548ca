package io.cardwatch.detector.rules;

import static io.cardwatch.detector.rules.RuleFixtures.CARD;
import static io.cardwatch.detector.rules.RuleFixtures.byDefault;
import static io.cardwatch.detector.rules.RuleFixtures.evaluate;
import static io.cardwatch.detector.rules.RuleFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HighRiskMerchantRuleTest {

    private final ScoringRule rule = byDefault("HIGH_RISK_MERCHANT");

    @ParameterizedTest(name = "[{index}] category {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # merchant category | facts
            4829     | merchant category 4829 is high risk
            5967     | merchant category 5967 is high risk
            6051     | merchant category 6051 is high risk
            7995     | merchant category 7995 is high risk
            5411     | -
            # cash at a bank or an ATM, and lotteries, are not in the default set
            6011     | -
            7800     | -
            gambling | -
            """)
    void flagsMerchantCategoriesWhereFraudConcentrates(String category, String facts) {
        // given
        Transaction transaction = purchase().of("200.00", "EUR").at("m-1", category).by(Channel.ECOMMERCE)
                .transaction("tx-new");

        // when
        Optional<String> finding = evaluate(rule, transaction, CardProfile.empty(CARD));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }
}
