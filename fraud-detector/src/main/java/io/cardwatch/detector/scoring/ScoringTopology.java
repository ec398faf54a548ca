package io.cardwatch.detector.scoring;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** The scoring topology, as a pure function of the builder: no runtime wiring in here. */
public final class ScoringTopology {

    private ScoringTopology() {
    }

    /** Adds the topology to {@code builder} and returns the transactions stream it starts from. */
    public static KStream<String, Transaction> build(StreamsBuilder builder, Scorer scorer) {
        KStream<String, Transaction> transactions = builder.stream(Topics.TRANSACTIONS.name(),
                Consumed.with(Topics.TRANSACTIONS.keySerde(), Topics.TRANSACTIONS.valueSerde())
                        .withName("transactions-source"));
        KStream<String, Decision> decisions = transactions.mapValues(scorer::score, Named.as("score-transaction"));
        decisions.to(Topics.DECISIONS.name(),
                Produced.with(Topics.DECISIONS.keySerde(), Topics.DECISIONS.valueSerde()).withName("decisions-sink"));
        return transactions;
    }
}
