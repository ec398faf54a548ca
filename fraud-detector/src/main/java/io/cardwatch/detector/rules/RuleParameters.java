package io.cardwatch.detector.rules;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The rules' parameters, under {@code cardwatch.scoring} beside the thresholds (see docs/configuration.md and
 * docs/rules.md, which give the backtest figures behind the defaults). A parameter left unset takes its default
 * here, the one place of them. History thresholds count decayed transactions or days.
 */
@ConfigurationProperties("cardwatch.scoring")
@Introspected
public record RuleParameters(
        @Nullable BigDecimal largeAmountLimit,
        @Nullable Set<String> largeAmountCurrencies,
        @Nullable Integer largeAmountPoints,
        @Nullable Integer coldStartTransactions,
        @Nullable Double anomalySpreads,
        @Nullable Double anomalyMinMultiple,
        @Nullable Double unusualHourMinHistory,
        @Nullable Double unusualHourMaxShare,
        @Nullable Double dailyMinDays,
        @Nullable Double dailySpendMultiple,
        @Nullable Double dailyCountMultiple,
        @Nullable Integer dailyCountMin,
        @Nullable Double newMerchantMinMultiple,
        @Nullable Double farFromHomeKm,
        @Nullable Duration followsAlertWindow,
        @Nullable Integer velocity1mCount,
        @Nullable Integer velocity10mCount,
        @Nullable Integer velocity1hCount,
        @Nullable Integer velocity24hCount,
        @Nullable BigDecimal velocity1hAmount,
        @Nullable BigDecimal velocity24hAmount,
        @Nullable Double maxTravelSpeedKmh,
        @Nullable Double minTravelDistanceKm,
        @Nullable Set<String> highRiskCategories,
        @Nullable BigDecimal cardTestingSmallAmount,
        @Nullable Integer cardTestingSmallCount,
        @Nullable BigDecimal cardTestingLargeAmount,
        @Nullable Duration cardTestingWindow) {

    /** Every parameter at its default, as the detector runs when none is configured. */
    public static final RuleParameters DEFAULTS = noneConfigured();

    public RuleParameters {
        largeAmountLimit = or(largeAmountLimit, new BigDecimal("5000"));
        largeAmountCurrencies = or(largeAmountCurrencies, Set.of("EUR", "USD", "GBP", "CHF"));
        largeAmountPoints = or(largeAmountPoints, LargeAmountRule.POINTS);
        coldStartTransactions = or(coldStartTransactions, 5);
        anomalySpreads = or(anomalySpreads, 2.0);
        anomalyMinMultiple = or(anomalyMinMultiple, 3.0);
        unusualHourMinHistory = or(unusualHourMinHistory, 10.0);
        unusualHourMaxShare = or(unusualHourMaxShare, 0.02);
        dailyMinDays = or(dailyMinDays, 3.0);
        dailySpendMultiple = or(dailySpendMultiple, 4.0);
        dailyCountMultiple = or(dailyCountMultiple, 3.0);
        dailyCountMin = or(dailyCountMin, 6);
        newMerchantMinMultiple = or(newMerchantMinMultiple, 5.0);
        farFromHomeKm = or(farFromHomeKm, 500.0);
        followsAlertWindow = or(followsAlertWindow, Duration.ofHours(2));
        velocity1mCount = or(velocity1mCount, 5);
        velocity10mCount = or(velocity10mCount, 3);
        velocity1hCount = or(velocity1hCount, 10);
        velocity24hCount = or(velocity24hCount, 40);
        velocity1hAmount = or(velocity1hAmount, new BigDecimal("10000"));
        velocity24hAmount = or(velocity24hAmount, new BigDecimal("25000"));
        maxTravelSpeedKmh = or(maxTravelSpeedKmh, 900.0);
        minTravelDistanceKm = or(minTravelDistanceKm, 500.0);
        highRiskCategories = or(highRiskCategories, Set.of("4829", "5967", "6051", "7995"));
        cardTestingSmallAmount = or(cardTestingSmallAmount, new BigDecimal("2.00"));
        cardTestingSmallCount = or(cardTestingSmallCount, 2);
        cardTestingLargeAmount = or(cardTestingLargeAmount, new BigDecimal("100"));
        cardTestingWindow = or(cardTestingWindow, Duration.ofMinutes(10));
    }

    private static RuleParameters noneConfigured() {
        BeanIntrospection<RuleParameters> introspection = BeanIntrospection.getIntrospection(RuleParameters.class);
        return introspection.instantiate(new Object[introspection.getConstructorArguments().length]);
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
