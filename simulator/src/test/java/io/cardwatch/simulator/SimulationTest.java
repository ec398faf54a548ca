package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The simulator straight into a real broker: what it reports accepted is what the topic holds. */
class SimulationTest {

    @Test
    void everyAcceptedTransactionIsOnTheTopicKeyedByCardAndLabelled() throws Exception {
        var settings = new SimulationSettings(5, 200, Duration.ofMillis(10), 0.05, Instant.parse("2026-11-22T12:00:00Z"));
        List<LabelledTransaction> expected = new ArrayList<>();
        var reference = new TrafficModel(settings);
        for (int i = 0; i < 2_000; i++) {
            expected.add(reference.next());
        }
        try (KafkaBroker broker = KafkaBroker.withCardwatchTopics()) {
            StringWriter labels = new StringWriter();

            RunSummary summary;
            try (var sender = new KafkaSender(broker.bootstrapServers())) {
                summary = new Simulation(new TrafficModel(settings), sender, 32)
                        .run(2_000, 0, new SimulationLabels.Writer(labels), progress -> { });
            }

            assertThat(summary.sent()).isEqualTo(2_000);
            assertThat(summary.accepted()).isEqualTo(2_000);
            assertThat(summary.refused() + summary.failed()).isZero();
            List<ConsumerRecord<String, Transaction>> published = TopicContents.readAll(broker.bootstrapServers(),
                    Topics.TRANSACTIONS.name(), Topics.TRANSACTIONS.keySerde().deserializer(),
                    Topics.TRANSACTIONS.valueSerde().deserializer());
            assertThat(published).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(LabelledTransaction::transaction).toList());
            assertThat(published).allSatisfy(record -> assertThat(record.key()).isEqualTo(record.value().cardId()));
            assertThat(labels.toString()).startsWith("transactionId,scenario,episode\n");
            assertThat(labels.toString().lines().skip(1)).containsExactlyInAnyOrderElementsOf(expected.stream()
                    .map(t -> t.transaction().transactionId() + "," + t.scenario() + "," + t.episode()).toList());
        }
    }
}
