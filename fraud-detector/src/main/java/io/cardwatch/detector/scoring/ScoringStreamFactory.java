package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.DeadLetterDeserializationHandler;
import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.deadletter.DeadLetterProcessingHandler;
import io.cardwatch.detector.liveconfig.RuleSetValidator;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

/** Wires the scoring topology, its rules and its policy into the application's Kafka Streams instance. */
@Factory
class ScoringStreamFactory {

    @Singleton
    Scorer scorer(ScoringConfiguration configuration) {
        return new Scorer(rules(configuration), Clock.systemUTC());
    }

    /** The same check the topology applies, for the listener that dead-letters refused rule sets. */
    @Singleton
    RuleSetValidator ruleSetValidator(Scorer scorer) {
        return new RuleSetValidator(scorer.ruleCodes());
    }

    @Singleton
    ScoringPolicy policy(ScoringConfiguration configuration) {
        var defaultRuleSet = new RuleSet(configuration.rulesVersion(), configuration.reviewFrom(),
                configuration.declineFrom(), Map.of(), Set.of());
        return new ScoringPolicy(configuration.dedupHorizon(), configuration.maxAge(), configuration.grace(),
                configuration.habitHalfLife(), new PreScoringFilter(configuration.skipMerchants(), configuration.skipCardPrefixes()), defaultRuleSet);
    }

    /** The scoring of one transaction against its card's profile, for the backtest to share with the topology. */
    @Singleton
    CardScoring cardScoring(Scorer scorer, ScoringPolicy policy) {
        return new CardScoring(scorer, policy);
    }

    @Singleton
    ScoringTelemetry telemetry(OpenTelemetry openTelemetry, Tracer tracer, Meter meter) {
        return new ScoringTelemetry(openTelemetry, tracer, meter, Clock.systemUTC());
    }

    /**
     * Also installs the dead-letter handlers: they are how the topology keeps every record it cannot score, not
     * a setting to tune.
     */
    @Singleton
    KStream<String, Transaction> scoringStream(ConfiguredStreamBuilder builder, Scorer scorer, ScoringPolicy policy,
                                               ScoringTelemetry telemetry, DeadLetterMetrics deadLetterMetrics) {
        Properties streams = builder.getConfiguration();
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        streams.put(DeadLetterMetrics.CONFIG, deadLetterMetrics);
        return ScoringTopology.build(builder, scorer, policy, telemetry);
    }

    /** Every rule, in the order their reasons are listed on a decision. */
    static List<ScoringRule> rules(ScoringConfiguration configuration) {
        int history = configuration.coldStartTransactions();
        var farFromHome = new FarFromHomeRule(history, configuration.farFromHomeKm());
        return List.of(
                BlocklistRule.cards(),
                BlocklistRule.merchants(),
                new ConfirmedFraudRule(),
                new LargeAmountRule(configuration.largeAmountLimit(), configuration.largeAmountCurrencies(),
                        configuration.largeAmountPoints(), history),
                new AmountAnomalyRule(history, configuration.anomalySpreads(), configuration.anomalyMinMultiple()),
                new NewMerchantHighAmountRule(history, configuration.newMerchantMinMultiple()),
                new UnusualHourRule(configuration.unusualHourMinHistory(), configuration.unusualHourMaxShare(),
                        farFromHome),
                new DailySpendRule(configuration.dailyMinDays(), configuration.dailySpendMultiple()),
                new DailyCountRule(configuration.dailyMinDays(), configuration.dailyCountMultiple(),
                        configuration.dailyCountMin()),
                new VelocityCountRule("1M", Duration.ofMinutes(1), configuration.velocity1mCount(), 300),
                new VelocityCountRule("10M", Duration.ofMinutes(10), configuration.velocity10mCount(), 150),
                new VelocityCountRule("1H", Duration.ofHours(1), configuration.velocity1hCount(), 150),
                new VelocityCountRule("24H", Duration.ofHours(24), configuration.velocity24hCount(), 100),
                new VelocityAmountRule("1H", Duration.ofHours(1), configuration.velocity1hAmount(),
                        configuration.largeAmountCurrencies(), 150),
                new VelocityAmountRule("24H", Duration.ofHours(24), configuration.velocity24hAmount(),
                        configuration.largeAmountCurrencies(), 100),
                new ImpossibleTravelRule(configuration.maxTravelSpeedKmh(), configuration.minTravelDistanceKm()),
                farFromHome,
                new NewCountryRule(),
                new NewChannelRule(history),
                new HighRiskMerchantRule(configuration.highRiskCategories()),
                new ProbingRule(configuration.cardTestingSmallAmount(), configuration.cardTestingSmallCount(),
                        configuration.cardTestingWindow()),
                new CardTestingRule(configuration.cardTestingSmallAmount(), configuration.cardTestingSmallCount(),
                        configuration.cardTestingLargeAmount(), configuration.cardTestingWindow()),
                new FollowsAlertRule(configuration.followsAlertWindow()));
    }
}
