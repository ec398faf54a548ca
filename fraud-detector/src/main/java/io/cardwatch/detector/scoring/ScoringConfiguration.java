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
 * {@code cardwatch.scoring} (see docs/configuration.md and docs/rules.md).
 */
@ConfigurationProperties("cardwatch.scoring")
record ScoringConfiguration(
        @Bindable(defaultValue = "300") int reviewFrom,
        @Bindable(defaultValue = "700") int declineFrom,
        @Bindable(defaultValue = "1") @NotBlank String rulesVersion,
        @Bindable(defaultValue = "P7D") @NotNull Duration dedupHorizon,
        @Bindable(defaultValue = "P7D") @NotNull Duration maxAge,
        @Bindable(defaultValue = "PT1H") @NotNull Duration grace,
        @Bindable(defaultValue = "5000") @NotNull BigDecimal largeAmountLimit,
        @Bindable(defaultValue = "400") int largeAmountPoints,
        @Bindable(defaultValue = "5") int coldStartTransactions,
        @Bindable(defaultValue = "3.0") double anomalyZScore,
        @Bindable(defaultValue = "5") int velocity1mCount,
        @Bindable(defaultValue = "20") int velocity1hCount,
        @Bindable(defaultValue = "60") int velocity24hCount,
        @Bindable(defaultValue = "10000") @NotNull BigDecimal velocity1hAmount,
        @Bindable(defaultValue = "25000") @NotNull BigDecimal velocity24hAmount,
        @Bindable(defaultValue = "900") double maxTravelSpeedKmh,
        @Bindable(defaultValue = "100") double minTravelDistanceKm,
        @Bindable(defaultValue = "4829,5967,6051,7995") @NotNull Set<String> highRiskCategories,
        @Bindable(defaultValue = "2.00") @NotNull BigDecimal cardTestingSmallAmount,
        @Bindable(defaultValue = "3") int cardTestingSmallCount,
        @Bindable(defaultValue = "100") @NotNull BigDecimal cardTestingLargeAmount,
        @Bindable(defaultValue = "PT10M") @NotNull Duration cardTestingWindow,
        @Nullable Set<String> skipMerchants,
        @Nullable Set<String> skipCardPrefixes) {

    ScoringConfiguration {
        skipMerchants = skipMerchants == null ? Set.of() : skipMerchants;
        skipCardPrefixes = skipCardPrefixes == null ? Set.of() : skipCardPrefixes;
    }
}
