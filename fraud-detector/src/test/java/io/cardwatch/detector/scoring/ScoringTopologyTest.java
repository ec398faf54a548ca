package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringTopologyTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-22T10:15:30Z");
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:31Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> transactions;
    private TestOutputTopic<String, Decision> decisions;

    @BeforeEach
    void startTopology() {
        var scorer = new Scorer(List.of(new LargeAmountRule(new BigDecimal("5000"), 400)), 300, 700, "1",
                Clock.fixed(NOW, ZoneOffset.UTC));
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, scorer);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        driver = new TopologyTestDriver(builder.build(), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(),
                Topics.TRANSACTIONS.keySerde().serializer(), Topics.TRANSACTIONS.valueSerde().serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void approvesAnOrdinaryPurchaseWithNoReasons() {
        transactions.pipeInput("card-1", transaction("tx-1", "12.50"), EVENT_TIME);

        assertThat(decisions.readRecordsToList()).containsExactly(new TestRecord<>("card-1",
                new Decision("tx-1", "card-1", Outcome.APPROVE, 0, List.of(), new BigDecimal("12.50"), "EUR", "m-1",
                        EVENT_TIME, NOW, "1"), EVENT_TIME));
    }

    @Test
    void sendsALargePurchaseToReviewAndSaysWhy() {
        transactions.pipeInput("card-1", transaction("tx-2", "7500.00"), EVENT_TIME);

        assertThat(decisions.readRecordsToList()).containsExactly(new TestRecord<>("card-1",
                new Decision("tx-2", "card-1", Outcome.REVIEW, 400,
                        List.of(new Reason("LARGE_AMOUNT", 400, "amount 7500.00 EUR at or over limit 5000")),
                        new BigDecimal("7500.00"), "EUR", "m-1", EVENT_TIME, NOW, "1"), EVENT_TIME));
    }

    @Test
    void namesEveryProcessorOfTheTopology() {
        String description = new StreamsBuilderDescription().describe();

        assertThat(description).contains("transactions-source", "score-transaction", "decisions-sink")
                .doesNotContain("KSTREAM-");
    }

    private static Transaction transaction(String id, String amount) {
        return new Transaction(id, "card-1", new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                EVENT_TIME);
    }

    /** Builds the topology on its own, to look at its description. */
    private static final class StreamsBuilderDescription {
        String describe() {
            StreamsBuilder builder = new StreamsBuilder();
            ScoringTopology.build(builder, new Scorer(List.of(), 300, 700, "1", Clock.systemUTC()));
            return builder.build().describe().toString();
        }
    }
}
