package io.cardwatch.detector.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.detector.DetectorContextTest;
import io.cardwatch.events.Topics;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ninety days of a small portfolio's labelled history loaded through Kafka into a running detector: every
 * transaction gets exactly one decision in PostgreSQL, the one the backtest gives, and loading the same history
 * again changes nothing.
 */
@MicronautTest
class HistoryReplayTest extends DetectorContextTest {

    private static final Path NINETY_DAYS = Path.of("src/test/resources/backtest/ninety-days.csv");
    private static final int TRANSACTIONS = 3000;

    @Test
    void scoresNinetyDaysOfHistoryOnceEachExactlyAsTheBacktestDoes() throws Exception {
        // given
        History history = new HistoryReader(ColumnMapping.defaultLayout()).read(NINETY_DAYS, HistoryFormat.CSV);
        List<String> backtest;
        try (DetectorScoring detector = DetectorScoring.start()) {
            backtest = new Backtest(detector.scoring()).run(history.transactions(), detector.defaultRuleSet())
                    .results().stream()
                    .map(result -> result.transactionId() + "|" + result.outcome() + "|" + result.score() + "|"
                            + String.join(",", result.reasons()))
                    .sorted()
                    .toList();
        }

        // when
        long sent = HistoryLoadMain.load(NINETY_DAYS, ColumnMapping.defaultLayout(), servers.broker().bootstrapServers());
        List<String> online = awaitDecisions(TRANSACTIONS);
        long sentAgain = HistoryLoadMain.load(NINETY_DAYS, ColumnMapping.defaultLayout(),
                servers.broker().bootstrapServers());

        // then
        assertThat(sent).isEqualTo(TRANSACTIONS);
        assertThat(sentAgain).isEqualTo(TRANSACTIONS);
        assertThat(backtest).hasSize(TRANSACTIONS);
        assertThat(online).isEqualTo(backtest);
        assertThat(decisionsAfterTheReplayIsScored()).isEqualTo(backtest);
        assertThat(decisionRecordsOnKafka()).isEqualTo(TRANSACTIONS);
    }

    // The sink's upserts would hide a second decision in the table: count what the detector published.
    private long decisionRecordsOnKafka() {
        Map<String, Object> config = Map.of("bootstrap.servers", servers.broker().bootstrapServers(),
                "isolation.level", "read_committed", "auto.offset.reset", "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.DECISIONS.name()).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            long records = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    private List<String> awaitDecisions(int expected) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(this::decisions, decisions -> decisions.size() >= expected);
    }

    // The second load's records are all duplicates (or too old to be told from one): once the detector has
    // committed past every one of them, the table must be as it was.
    private List<String> decisionsAfterTheReplayIsScored() throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> consumerLag() == 0);
        return decisions();
    }

    private long consumerLag() throws Exception {
        var bootstrap = Map.<String, Object>of("bootstrap.servers", servers.broker().bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(bootstrap)) {
            var committed = admin.listConsumerGroupOffsets("cardwatch-fraud-detector").partitionsToOffsetAndMetadata()
                    .get();
            var ends = admin.listOffsets(committed.keySet().stream()
                            .filter(partition -> partition.topic().equals("transaction-history"))
                            .collect(java.util.stream.Collectors.toMap(partition -> partition,
                                    partition -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                    .all().get();
            return ends.entrySet().stream()
                    .mapToLong(end -> end.getValue().offset() - committed.get(end.getKey()).offset())
                    .sum();
        }
    }

    private List<String> decisions() throws Exception {
        try (Connection connection = DriverManager.getConnection(servers.postgres().jdbcUrl("cardwatch"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT transaction_id, outcome, score, "
                     + "(SELECT coalesce(string_agg(reason->>'code', ',' ORDER BY ordinality), '') "
                     + "FROM jsonb_array_elements(reasons) WITH ORDINALITY AS r(reason, ordinality)) "
                     + "FROM decisions")) {
            List<String> decisions = new ArrayList<>();
            while (rows.next()) {
                decisions.add(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getInt(3) + "|"
                        + rows.getString(4));
            }
            decisions.sort(null);
            return decisions;
        }
    }
}
