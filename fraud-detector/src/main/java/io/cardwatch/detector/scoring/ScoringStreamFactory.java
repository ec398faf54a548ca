package io.cardwatch.detector.scoring;

import io.cardwatch.events.Transaction;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;

/** Wires the scoring topology into the application's Kafka Streams instance. */
@Factory
class ScoringStreamFactory {

    @Singleton
    Scorer scorer(ScoringConfiguration configuration) {
        var largeAmount = new LargeAmountRule(configuration.getLargeAmountLimit(), configuration.getLargeAmountPoints());
        return new Scorer(List.of(largeAmount), configuration.getReviewFrom(), configuration.getDeclineFrom(),
                configuration.getRulesVersion(), Clock.systemUTC());
    }

    @Singleton
    KStream<String, Transaction> scoringStream(ConfiguredStreamBuilder builder, Scorer scorer) {
        return ScoringTopology.build(builder, scorer);
    }
}
