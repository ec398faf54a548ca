package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HighRiskMerchantRuleTest {

    /** As ScoringStreamFactory.rules() builds it from the defaults of high-risk-categories. */
    private final ScoringRule rule = new HighRiskMerchantRule(Set.of("4829", "5967", "6051", "7995"));

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
        CardProfile profile = CardProfile.empty("card-1");
        Transaction transaction = new Transaction("tx-new", "card-1", new BigDecimal("200.00"), "EUR", "m-1", category,
                "DE", 52.52, 13.405, Instant.parse("2026-11-20T12:00:00Z"), Channel.ECOMMERCE);

        // when
        Optional<String> finding = rule.evaluate(transaction, new Evidence(profile, null, null));

        // then
        assertThat(finding).isEqualTo(Optional.ofNullable(facts));
    }

    @Test
    void isReportedAsHighRiskMerchant() {
        assertThat(rule.code()).isEqualTo("HIGH_RISK_MERCHANT");
    }
}
