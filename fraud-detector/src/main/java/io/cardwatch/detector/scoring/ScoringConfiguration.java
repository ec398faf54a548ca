package io.cardwatch.detector.scoring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/**
 * Rule parameters and the rule set used until one is published on {@code fraud-rules}, under
 * {@code cardwatch.scoring}: the one place of their defaults (see docs/configuration.md and docs/rules.md,
 * which give the backtest figures behind them). History thresholds count decayed transactions or days.
 */
@ConfigurationProperties("cardwatch.scoring")
record ScoringConfiguration(
        @Bindable(defaultValue = "300") int reviewFrom,
        @Bindable(defaultValue = "700") int declineFrom,
        @Bindable(defaultValue = "1") @NotBlank String rulesVersion,
        @Bindable(defaultValue = "P7D") @NotNull Duration dedupHorizon,
        @Bindable(defaultValue = "P7D") @NotNull Duration maxAge,
        @Bindable(defaultValue = "PT1H") @NotNull Duration grace,
        @Bindable(defaultValue = "P30D") @NotNull Duration habitHalfLife,
        @Bindable(defaultValue = "5000") @NotNull BigDecimal largeAmountLimit,
        @Bindable(defaultValue = "EUR,USD,GBP,CHF") @NotNull Set<String> largeAmountCurrencies,
        @Bindable(defaultValue = "400") int largeAmountPoints,
        @Bindable(defaultValue = "5") int coldStartTransactions,
        @Bindable(defaultValue = "2.0") double anomalySpreads,
        @Bindable(defaultValue = "3.0") double anomalyMinMultiple,
        @Bindable(defaultValue = "10") double unusualHourMinHistory,
        @Bindable(defaultValue = "0.02") double unusualHourMaxShare,
        @Bindable(defaultValue = "3") double dailyMinDays,
        @Bindable(defaultValue = "4.0") double dailySpendMultiple,
        @Bindable(defaultValue = "3.0") double dailyCountMultiple,
        @Bindable(defaultValue = "6") int dailyCountMin,
        @Bindable(defaultValue = "5.0") double newMerchantMinMultiple,
        @Bindable(defaultValue = "500") double farFromHomeKm,
        @Bindable(defaultValue = "PT2H") @NotNull Duration followsAlertWindow,
        @Bindable(defaultValue = "5") int velocity1mCount,
        @Bindable(defaultValue = "3") int velocity10mCount,
        @Bindable(defaultValue = "10") int velocity1hCount,
        @Bindable(defaultValue = "40") int velocity24hCount,
        @Bindable(defaultValue = "10000") @NotNull BigDecimal velocity1hAmount,
        @Bindable(defaultValue = "25000") @NotNull BigDecimal velocity24hAmount,
        @Bindable(defaultValue = "900") double maxTravelSpeedKmh,
        @Bindable(defaultValue = "500") double minTravelDistanceKm,
        @Bindable(defaultValue = "4829,5967,6051,7995") @NotNull Set<String> highRiskCategories,
        @Bindable(defaultValue = "2.00") @NotNull BigDecimal cardTestingSmallAmount,
        @Bindable(defaultValue = "2") int cardTestingSmallCount,
        @Bindable(defaultValue = "100") @NotNull BigDecimal cardTestingLargeAmount,
        @Bindable(defaultValue = "PT10M") @NotNull Duration cardTestingWindow,
        @Nullable Set<String> skipMerchants,
        @Nullable Set<String> skipCardPrefixes) {

    ScoringConfiguration {
        skipMerchants = skipMerchants == null ? Set.of() : skipMerchants;
        skipCardPrefixes = skipCardPrefixes == null ? Set.of() : skipCardPrefixes;
    }
}
