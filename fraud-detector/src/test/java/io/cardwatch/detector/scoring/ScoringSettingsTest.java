package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.rules.RuleParameters;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanConfiguration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both records under {@code cardwatch.scoring} are bound from the same keys, without a broker. */
class ScoringSettingsTest {

    @Test
    void bindsTheThresholdsAndTheRulesParametersUnderOnePrefix() {
        // given
        Map<String, Object> properties = Map.of(
                "kafka.enabled", false,
                "datasources.default.enabled", false,
                "flyway.enabled", false,
                "cardwatch.scoring.review-from", "250",
                "cardwatch.scoring.large-amount-limit", "3000",
                "cardwatch.scoring.large-amount-points", "350",
                "cardwatch.scoring.high-risk-categories", "7995",
                "cardwatch.scoring.card-testing-window", "PT5M",
                "cardwatch.scoring.velocity1m-count", "8");

        // when
        ScoringConfiguration configuration;
        RuleParameters parameters;
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                // As the backtest's context: no decision sink, whose maintenance needs a database, no metrics SDK.
                .beanConfigurations(BeanConfiguration.disabled("io.cardwatch.detector.sink"),
                        BeanConfiguration.disabled("io.cardwatch.telemetry"))
                .start()) {
            configuration = context.getBean(ScoringConfiguration.class);
            parameters = context.getBean(RuleParameters.class);
        }

        // then
        assertThat(configuration.reviewFrom()).isEqualTo(250);
        assertThat(configuration.declineFrom()).isEqualTo(700);
        assertThat(parameters.largeAmountLimit()).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(parameters.largeAmountPoints()).isEqualTo(350);
        assertThat(parameters.highRiskCategories()).isEqualTo(Set.of("7995"));
        assertThat(parameters.cardTestingWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(parameters.velocity1mCount()).isEqualTo(8);
        assertThat(parameters.coldStartTransactions()).isEqualTo(5);
        assertThat(parameters.largeAmountCurrencies()).isEqualTo(Set.of("EUR", "USD", "GBP", "CHF"));
    }
}
