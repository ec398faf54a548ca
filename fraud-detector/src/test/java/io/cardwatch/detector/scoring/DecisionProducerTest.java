package io.cardwatch.detector.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.model.ModelsInForce;
import io.cardwatch.detector.deadletter.DeadLetterMetrics;
import io.cardwatch.events.Decision;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.opentelemetry.api.OpenTelemetry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A decision and its alert name the producer that posted the transaction, as the gateway's lookup needs. */
class DecisionProducerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, Transaction> transactions;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, Decision> alerts;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.build(builder, ScoringFixtures.scorer(), ScoringFixtures.policy(Duration.ofHours(1)),
                new ModelsInForce());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-producer-test");
        config.putAll(ScoringTopology.streamsSettings(new DeadLetterMetrics(OpenTelemetry.noop().getMeter("none"))));
        driver = new TopologyTestDriver(builder.build(), config);
        transactions = driver.createInputTopic(Topics.TRANSACTIONS.name(),
                Topics.TRANSACTIONS.keySerde().serializer(), Topics.TRANSACTIONS.valueSerde().serializer());
        decisions = driver.createOutputTopic(Topics.DECISIONS.name(),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void theDecisionAndTheAlertCarryTheProducerOfTheTransaction() {
        // given: a purchase large enough for review, posted by producer acme
        Transaction large = new Transaction("tx-1", "card-1", new BigDecimal("7500.00"), "EUR", "m-1", "5411", "DE",
                52.52, 13.405, T0);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.PRODUCER_ID, "acme".getBytes(StandardCharsets.UTF_8));

        // when
        transactions.pipeInput(new TestRecord<>("card-1", large, headers, T0));

        // then
        assertThat(producerOf(decisions.readRecord())).isEqualTo("acme");
        assertThat(producerOf(alerts.readRecord())).isEqualTo("acme");
    }

    @Test
    void aTransactionThatNamesNoProducerGivesADecisionThatNamesNone() {
        Transaction purchase = new Transaction("tx-1", "card-1", new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE",
                52.52, 13.405, T0);

        transactions.pipeInput("card-1", purchase, T0);

        assertThat(decisions.readRecord().headers().lastHeader(EventHeaders.PRODUCER_ID)).isNull();
    }

    private static String producerOf(TestRecord<String, Decision> record) {
        Header producer = record.headers().lastHeader(EventHeaders.PRODUCER_ID);
        return producer == null ? null : new String(producer.value(), StandardCharsets.UTF_8);
    }
}
