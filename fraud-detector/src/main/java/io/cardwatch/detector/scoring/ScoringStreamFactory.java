package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.liveconfig.RuleSetValidator;
import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.detector.rules.RuleParameters;
import io.cardwatch.detector.rules.Rules;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Transaction;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.kstream.KStream;

/** Wires the scoring topology, its rules and its policy into the application's Kafka Streams instance. */
@Factory
class ScoringStreamFactory {

    @Singleton
    Scorer scorer(RuleParameters parameters) {
        return new Scorer(Rules.all(parameters), Clock.systemUTC());
    }

    /** The same check the topology applies, for the listener that dead-letters refused rule sets. */
    @Singleton
    RuleSetValidator ruleSetValidator(Scorer scorer) {
        return new RuleSetValidator(scorer.ruleCodes());
    }

    /** The same check the topology applies to models, for the listener that dead-letters refused ones. */
    @Singleton
    ModelValidator modelValidator() {
        return new ModelValidator(Features.NAMES);
    }

    @Singleton
    ModelsInForce modelsInForce() {
        return new ModelsInForce();
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

    /** Also installs the topology's Streams settings: its dead-letter handlers are not settings to tune. */
    @Singleton
    KStream<String, Transaction> scoringStream(ConfiguredStreamBuilder builder, Scorer scorer, ScoringPolicy policy,
                                               ModelsInForce models, ScoringTelemetry telemetry,
                                               DeadLetterMetrics deadLetterMetrics) {
        builder.getConfiguration().putAll(ScoringTopology.streamsSettings(deadLetterMetrics));
        return ScoringTopology.build(builder, scorer, policy, models, telemetry);
    }
}
