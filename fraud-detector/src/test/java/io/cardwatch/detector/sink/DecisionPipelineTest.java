package io.cardwatch.detector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.detector.DetectorContextTest;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The detector on a real broker and a real PostgreSQL: a transaction in, its decision row out. */
@MicronautTest
class DecisionPipelineTest extends DetectorContextTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DECISIONS = "SELECT transaction_id, card_id, outcome, score, reasons, amount, currency, "
            + "merchant_category, country, latitude, longitude, channel FROM decisions ORDER BY transaction_id";
    private static final String ALERTS = "SELECT transaction_id, card_id, outcome, score, amount, currency, merchant_id, "
            + "merchant_category, country, channel, status FROM alerts ORDER BY transaction_id";

    @Test
    void writesOneDecisionRowPerTransactionWithItsReasonsAndFactsAndAnAlertRowForTheOneToReview() throws Exception {
        publish(transaction("tx-small", "card-1", "12.50", Channel.CARD_PRESENT),
                transaction("tx-large", "card-2", "9000.00", null));

        List<String> decisions = await().atMost(PATIENCE).until(() -> servers.rows(DECISIONS), rows -> rows.size() == 2);
        List<String> alerts = await().atMost(PATIENCE).until(() -> servers.rows(ALERTS), rows -> rows.size() == 1);

        assertThat(decisions).containsExactly(
                "tx-large|card-2|REVIEW|400|[{\"code\": \"LARGE_AMOUNT\", \"detail\": "
                        + "\"amount 9000.00 EUR at or over limit 5000\", \"points\": 400}]|9000.0000|EUR"
                        + "|5411|DE|52.52|13.405|null",
                "tx-small|card-1|APPROVE|0|[]|12.5000|EUR|5411|DE|52.52|13.405|CARD_PRESENT");
        assertThat(alerts).containsExactly("tx-large|card-2|REVIEW|400|9000.0000|EUR|m-1|5411|DE|null|OPEN");
    }

    private void publish(Transaction... transactions) throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, Topics.TRANSACTIONS.keySerde().serializer(),
                Topics.TRANSACTIONS.valueSerde().serializer())) {
            for (Transaction transaction : transactions) {
                producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), transaction.cardId(), transaction)).get();
            }
        }
    }

    private static Transaction transaction(String id, String card, String amount, Channel channel) {
        // Recent: the detector sets aside transactions older than its maximum age.
        return new Transaction(id, card, new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), channel);
    }
}
