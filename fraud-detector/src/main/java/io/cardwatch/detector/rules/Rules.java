package io.cardwatch.detector.rules;

import java.util.ArrayList;
import java.util.List;

/** Every rule the detector runs, made from their parameters. */
public final class Rules {

    /** The escalation's reason code: an alert it raised alone opens no escalation window of its own. */
    public static final String FOLLOWS_ALERT = FollowsAlertRule.CODE;

    private Rules() {
    }

    /** Every rule, in the order their reasons are listed on a decision. */
    public static List<ScoringRule> all(RuleParameters parameters) {
        int history = parameters.coldStartTransactions();
        var farFromHome = new FarFromHomeRule(history, parameters.farFromHomeKm());
        List<ScoringRule> rules = new ArrayList<>(List.of(
                BlocklistRule.cards(),
                BlocklistRule.merchants(),
                new ConfirmedFraudRule(),
                new LargeAmountRule(parameters.largeAmountLimit(), parameters.largeAmountCurrencies(),
                        parameters.largeAmountPoints(), history),
                new AmountAnomalyRule(history, parameters.anomalySpreads(), parameters.anomalyMinMultiple()),
                new NewMerchantHighAmountRule(history, parameters.newMerchantMinMultiple()),
                new UnusualHourRule(parameters.unusualHourMinHistory(), parameters.unusualHourMaxShare(), farFromHome),
                new DailySpendRule(parameters.dailyMinDays(), parameters.dailySpendMultiple()),
                new DailyCountRule(parameters.dailyMinDays(), parameters.dailyCountMultiple(),
                        parameters.dailyCountMin())));
        rules.addAll(VelocityCountRule.windows(parameters.velocity1mCount(), parameters.velocity10mCount(),
                parameters.velocity1hCount(), parameters.velocity24hCount()));
        rules.addAll(VelocityAmountRule.windows(parameters.velocity1hAmount(), parameters.velocity24hAmount(),
                parameters.largeAmountCurrencies()));
        rules.addAll(List.of(
                new ImpossibleTravelRule(parameters.maxTravelSpeedKmh(), parameters.minTravelDistanceKm()),
                farFromHome,
                new NewCountryRule(),
                new NewChannelRule(history),
                new HighRiskMerchantRule(parameters.highRiskCategories()),
                new ProbingRule(parameters.cardTestingSmallAmount(), parameters.cardTestingSmallCount(),
                        parameters.cardTestingWindow()),
                new CardTestingRule(parameters.cardTestingSmallAmount(), parameters.cardTestingSmallCount(),
                        parameters.cardTestingLargeAmount(), parameters.cardTestingWindow()),
                new FollowsAlertRule(parameters.followsAlertWindow())));
        return List.copyOf(rules);
    }
}
