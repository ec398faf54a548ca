package io.cardwatch.detector.scoring;

import io.cardwatch.detector.deadletter.DeadLetterDeserializationHandler;
import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.detector.deadletter.DeadLetterProcessingHandler;
import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.liveconfig.LiveConfiguration;
import io.cardwatch.detector.liveconfig.RuleSetValidator;
import io.cardwatch.detector.model.Features;
import io.cardwatch.detector.model.ModelValidator;
import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Label;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/** The scoring topology, as a pure function of the builder: no runtime wiring in here. */
public final class ScoringTopology {

    public static final String PROFILES_STORE = CardProfile.STORE;

    private ScoringTopology() {
    }

    /**
     * The Streams settings the topology needs wherever it runs: handlers that set aside on {@code dead-letters},
     * counted by {@code deadLetterMetrics}, every record it cannot read or score (also in the global stores'
     * processors), so that the next record is scored.
     */
    public static Map<String, Object> streamsSettings(DeadLetterMetrics deadLetterMetrics) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true,
                DeadLetterMetrics.CONFIG, deadLetterMetrics);
    }

    /** Adds the topology to {@code builder}, without telemetry, and returns the transactions stream it starts from. */
    public static KStream<String, Transaction> build(StreamsBuilder builder, Scorer scorer, ScoringPolicy policy,
                                                     ModelsInForce models) {
        return build(builder, scorer, policy, models, ScoringTelemetry.disabled());
    }

    /**
     * Adds the topology to {@code builder} and returns the stream of live and historical transactions it
     * scores. The models published on {@code fraud-models} are put in force in {@code models}.
     */
    public static KStream<String, Transaction> build(StreamsBuilder builder, Scorer scorer, ScoringPolicy policy,
                                                     ModelsInForce models, ScoringTelemetry telemetry) {
        CardScoring scoring = new CardScoring(scorer, policy);
        LiveConfiguration.addTo(builder, new RuleSetValidator(scorer.ruleCodes()), new ModelValidator(Features.NAMES),
                models);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES_STORE),
                Serdes.String(), StateSerde.of(CardProfile.class)));
        KStream<String, Transaction> live = builder.stream(Topics.TRANSACTIONS.name(),
                Consumed.with(Topics.TRANSACTIONS.keySerde(), Topics.TRANSACTIONS.valueSerde())
                        .withName("transactions-source"));
        KStream<String, Transaction> history = builder.stream(Topics.TRANSACTION_HISTORY.name(),
                Consumed.with(Topics.TRANSACTION_HISTORY.keySerde(), Topics.TRANSACTION_HISTORY.valueSerde())
                        .withName("transaction-history-source"));
        KStream<String, Transaction> transactions = live.merge(history, Named.as("live-and-history"));
        KStream<String, Decision> decisions = transactions.process(
                        () -> new TracedScoring(new ScoringProcessor(scoring, policy, models), telemetry),
                        Named.as("score-transaction"), PROFILES_STORE)
                .peek(telemetry::decided, Named.as("decision-metrics"));
        decisions.to(Topics.DECISIONS.name(),
                Produced.with(Topics.DECISIONS.keySerde(), Topics.DECISIONS.valueSerde()).withName("decisions-sink"));
        decisions.filter((card, decision) -> decision.outcome() != Outcome.APPROVE, Named.as("alerts-filter"))
                .to(Topics.ALERTS.name(),
                        Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts-sink"));
        addLabels(builder);
        return transactions;
    }

    /**
     * Analysts' verdicts, keyed by transaction on their topic, re-keyed by card into the task that holds the
     * card's profile. The repartition topic inherits the partition count of {@code labels}, which must equal that
     * of {@code transactions} (the contract creates every topic with the same count): otherwise a card's
     * verdicts would reach another task than its transactions.
     */
    private static void addLabels(StreamsBuilder builder) {
        builder.stream(Topics.LABELS.name(), Consumed.with(Topics.LABELS.keySerde(), Topics.LABELS.valueSerde())
                        .withName("labels-source"))
                // A tombstone only tidies the compacted topic: it names no card, and withdraws no verdict here.
                .filter((transactionId, label) -> label != null, Named.as("labels-without-tombstones"))
                // Checked before the repartition, so that a bad verdict is set aside with its own bytes and position.
                .selectKey((transactionId, label) -> LabelCheck.valid(transactionId, label).cardId(),
                        Named.as("label-by-card"))
                .repartition(Repartitioned.<String, Label>as("labels-by-card")
                        .withKeySerde(Topics.LABELS.keySerde())
                        .withValueSerde(Topics.LABELS.valueSerde()))
                .process(LabelProcessor::new, Named.as("apply-label"), PROFILES_STORE);
    }
}
