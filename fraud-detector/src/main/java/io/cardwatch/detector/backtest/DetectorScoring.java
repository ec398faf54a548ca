package io.cardwatch.detector.backtest;

import io.cardwatch.detector.liveconfig.RuleSetValidator;
import io.cardwatch.detector.model.LoadedModel;
import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.detector.scoring.CardScoring;
import io.cardwatch.detector.scoring.Scorer;
import io.cardwatch.detector.scoring.ScoringPolicy;
import io.cardwatch.events.FraudModel;
import io.cardwatch.events.RuleSet;
import io.cardwatch.events.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The detector's own scoring, built by its own Micronaut configuration (application.yml, overridden by
 * {@code -D} system properties and environment variables such as {@code CARDWATCH_SCORING_REVIEW_FROM}), so
 * that the backtest decides with exactly the rules, parameters and default rule set the detector runs. The
 * context holds none of the detector's I/O: no Kafka Streams or Kafka clients, no connection pool or
 * migrations, no decision sink, no HTTP server and no metrics endpoint; it needs no broker and no database.
 */
final class DetectorScoring implements AutoCloseable {

    private final ApplicationContext context;
    private final CardScoring scoring;
    private final ScoringPolicy policy;
    private final RuleSetValidator validator;
    private final ModelValidator modelValidator;
    private final Set<String> ruleCodes;

    private DetectorScoring(ApplicationContext context) {
        this.context = context;
        this.scoring = context.getBean(CardScoring.class);
        this.policy = context.getBean(ScoringPolicy.class);
        this.validator = context.getBean(RuleSetValidator.class);
        this.modelValidator = context.getBean(ModelValidator.class);
        this.ruleCodes = context.getBean(Scorer.class).ruleCodes();
    }

    static DetectorScoring start() {
        ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        // micronaut-kafka and micronaut-kafka-streams: no topology, listeners or producers.
                        "kafka.enabled", false,
                        "datasources.default.enabled", false,
                        "flyway.enabled", false))
                .beanConfigurations(
                        // The decision sink: its scheduled partition maintenance would fail without a database.
                        BeanConfiguration.disabled("io.cardwatch.detector.sink"),
                        // Its JVM metrics start the OpenTelemetry SDK, and with it the Prometheus scrape port.
                        BeanConfiguration.disabled("io.cardwatch.telemetry"))
                .start();
        try {
            return new DetectorScoring(context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    CardScoring scoring() {
        return scoring;
    }

    /** The rule set the detector applies until one is published on {@code fraud-rules}. */
    RuleSet defaultRuleSet() {
        return policy.defaultRuleSet();
    }

    /** The rule set in {@code file}, in the fraud-rules JSON format, if the detector would apply it. */
    RuleSet ruleSetIn(Path file) throws IOException {
        RuleSet ruleSet;
        try {
            ruleSet = Topics.FRAUD_RULES.valueSerde().deserializer()
                    .deserialize(Topics.FRAUD_RULES.name(), Files.readAllBytes(file));
        } catch (SerializationException e) {
            throw new IllegalArgumentException("Rule set " + file + " is not a RuleSet in JSON: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return checked(ruleSet, "Rule set " + file);
    }

    /** The codes a rule set may weigh or disable. */
    Set<String> ruleCodes() {
        return ruleCodes;
    }

    /** The model in {@code file}, in the fraud-models JSON format, compiled, if the detector would put it in force. */
    LoadedModel modelIn(Path file) throws IOException {
        FraudModel model;
        try {
            model = Topics.FRAUD_MODELS.valueSerde().deserializer()
                    .deserialize(Topics.FRAUD_MODELS.name(), Files.readAllBytes(file));
        } catch (SerializationException e) {
            throw new IllegalArgumentException("Model " + file + " is not a FraudModel in JSON: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        List<String> problems = modelValidator.problems(FraudModel.ACTIVE_KEY, model);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Model " + file + " would be refused by the detector: "
                    + String.join("; ", problems));
        }
        return LoadedModel.of(model);
    }

    /** {@code ruleSet}, if the detector would apply it when published on {@code fraud-rules}. */
    RuleSet checked(RuleSet ruleSet, String what) {
        List<String> problems = validator.problems(RuleSet.ACTIVE_KEY, ruleSet);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " would be refused by the detector: "
                    + String.join("; ", problems));
        }
        return ruleSet;
    }

    @Override
    public void close() {
        context.close();
    }
}
