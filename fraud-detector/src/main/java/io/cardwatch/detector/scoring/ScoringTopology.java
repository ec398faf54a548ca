package io.cardwatch.detector.scoring;

import io.cardwatch.detector.profile.CardProfile;
import io.cardwatch.detector.rules.LiveConfiguration;
import io.cardwatch.detector.rules.RuleSetValidator;
import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** The scoring topology, as a pure function of the builder: no runtime wiring in here. */
public final class ScoringTopology {

    public static final String PROFILES_STORE = CardProfile.STORE;
    static final String ACTIVITY_STORE = "card-activity";
    static final String SEEN_STORE = "seen-transactions";

    private ScoringTopology() {
    }

    /** Adds the topology to {@code builder}, without telemetry, and returns the transactions stream it starts from. */
    public static KStream<String, Transaction> build(StreamsBuilder builder, Scorer scorer, ScoringPolicy policy) {
        return build(builder, scorer, policy, ScoringTelemetry.disabled());
    }

    /** Adds the topology to {@code builder} and returns the transactions stream it starts from. */
    public static KStream<String, Transaction> build(StreamsBuilder builder, Scorer scorer, ScoringPolicy policy,
                                                     ScoringTelemetry telemetry) {
        LiveConfiguration.addTo(builder, new RuleSetValidator(scorer.ruleCodes()));
        addCardStores(builder, policy);
        KStream<String, Transaction> transactions = builder.stream(Topics.TRANSACTIONS.name(),
                Consumed.with(Topics.TRANSACTIONS.keySerde(), Topics.TRANSACTIONS.valueSerde())
                        .withName("transactions-source"));
        KStream<String, Decision> decisions = transactions.process(
                        () -> new TracedScoring(new ScoringProcessor(scorer, policy), telemetry),
                        Named.as("score-transaction"), PROFILES_STORE, ACTIVITY_STORE, SEEN_STORE)
                .peek(telemetry::decided, Named.as("decision-metrics"));
        decisions.to(Topics.DECISIONS.name(),
                Produced.with(Topics.DECISIONS.keySerde(), Topics.DECISIONS.valueSerde()).withName("decisions-sink"));
        decisions.filter((card, decision) -> decision.outcome() != Outcome.APPROVE, Named.as("alerts-filter"))
                .to(Topics.ALERTS.name(),
                        Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts-sink"));
        return transactions;
    }

    private static void addCardStores(StreamsBuilder builder, ScoringPolicy policy) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES_STORE),
                Serdes.String(), StateSerde.of(CardProfile.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVITY_STORE),
                Serdes.String(), StateSerde.of(CardActivity.class)));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SEEN_STORE,
                policy.dedupHorizon(), policy.dedupHorizon(), false), Serdes.String(), Serdes.Long()));
    }
}
