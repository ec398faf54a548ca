package io.cardwatch.detector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.DetectorTestServers;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The detector on a real broker and a real PostgreSQL: a transaction in, its decision row out. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionPipelineTest implements TestPropertyProvider {

    private DetectorTestServers servers;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        servers = DetectorTestServers.start("pipeline");
        return servers.properties(Map.of());
    }

    @AfterAll
    void stopServers() {
        context.close();
        servers.close();
    }

    @Test
    void writesOneDecisionRowPerTransactionWithItsReasons() throws Exception {
        publish(transaction("tx-small", "card-1", "12.50"), transaction("tx-large", "card-2", "9000.00"));

        List<String> rows = awaitRows(2);

        assertThat(rows).containsExactly(
                "tx-large|card-2|REVIEW|400|[{\"code\": \"LARGE_AMOUNT\", \"detail\": "
                        + "\"amount 9000.00 EUR at or over limit 5000\", \"points\": 400}]|9000.0000|EUR",
                "tx-small|card-1|APPROVE|0|[]|12.5000|EUR");
    }

    private void publish(Transaction... transactions) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, Topics.TRANSACTIONS.keySerde().serializer(),
                Topics.TRANSACTIONS.valueSerde().serializer())) {
            for (Transaction transaction : transactions) {
                producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), transaction.cardId(), transaction)).get();
            }
        }
    }

    private List<String> awaitRows(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> rows = rows();
        while (rows.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = rows();
        }
        return rows;
    }

    private List<String> rows() throws Exception {
        try (Connection connection = DriverManager.getConnection(servers.postgres().jdbcUrl("cardwatch"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT transaction_id, card_id, outcome, score, reasons, "
                     + "amount, currency FROM decisions ORDER BY transaction_id")) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(String.join("|", result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getString(6), result.getString(7)));
            }
            return rows;
        }
    }

    private static Transaction transaction(String id, String card, String amount) {
        // Recent: the detector sets aside transactions older than its maximum age.
        return new Transaction(id, card, new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
