package io.cardwatch.detector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.detector.DetectorContextTest;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Channel;
import io.cardwatch.events.DeadLetters;
import io.cardwatch.events.Decision;
import io.cardwatch.events.ModelScore;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topics;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The sink on a real broker and a real PostgreSQL, including while the database misbehaves. */
@MicronautTest
class DecisionSinkTest extends DetectorContextTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-22T10:15:30Z");

    @Override
    protected Map<String, String> overrides() {
        return Map.of("datasources.default.data-source-properties.failoverTimeoutMs", "3000",
                "datasources.default.connection-timeout", "3000");
    }

    @Test
    void setsAsideWhatTheDatabaseRefusesOrCannotBeReadAndWritesEverythingElse() throws Exception {
        publish(decision("poison-ok-1", "EUR"));
        publish(decision("poison-too-long-currency", "EURO"));
        publishRaw("card-1", "{not json".getBytes(StandardCharsets.UTF_8));
        publish(decision("poison-ok-2", "EUR"));

        assertThat(awaitCount("SELECT count(*) FROM decisions WHERE transaction_id LIKE 'poison-%'", 2)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM decisions WHERE transaction_id = 'poison-too-long-currency'")).isZero();
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(2);
        assertThat(deadLetters).extracting(record -> DeadLetters.header(record.headers(), DeadLetters.CAUSE))
                .containsExactlyInAnyOrder("REJECTED_BY_DATABASE", "UNDESERIALIZABLE");
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("card-1");
            assertThat(DeadLetters.header(record.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("decisions");
            assertThat(DeadLetters.header(record.headers(), DeadLetters.SOURCE_PARTITION)).matches("[0-2]");
            assertThat(DeadLetters.header(record.headers(), DeadLetters.SOURCE_OFFSET)).matches("[0-9]+");
            assertThat(record.headers().toArray()).extracting(Header::key)
                    .filteredOn(key -> key.startsWith("cardwatch.dead-letter.")).containsExactly(DeadLetters.CAUSE,
                            DeadLetters.ERROR, DeadLetters.SOURCE_TOPIC, DeadLetters.SOURCE_PARTITION,
                            DeadLetters.SOURCE_OFFSET);
        });
        assertThat(deadLetters).filteredOn(record -> "REJECTED_BY_DATABASE".equals(
                        DeadLetters.header(record.headers(), DeadLetters.CAUSE)))
                .singleElement()
                .satisfies(record -> assertThat(DeadLetters.header(record.headers(), DeadLetters.ERROR))
                        .contains("value too long for type character(3)"));
        assertThat(metric("cardwatch_dead_letters_total",
                "cardwatch_dead_letter_cause=\"REJECTED_BY_DATABASE\",messaging_destination_name=\"decisions\"")).isEqualTo(1);
        assertThat(metric("cardwatch_dead_letters_total",
                "cardwatch_dead_letter_cause=\"UNDESERIALIZABLE\",messaging_destination_name=\"decisions\"")).isEqualTo(1);
    }

    @Test
    void aReplayedDecisionChangesNothingAndRaisesOneAlert() throws Exception {
        Decision review = decision("replayed-1", "EUR");

        publish(review);
        publish(review);
        publish(decision("replayed-2", "EUR"));

        awaitCount("SELECT count(*) FROM decisions WHERE transaction_id = 'replayed-2'", 1);
        assertThat(count("SELECT count(*) FROM decisions WHERE transaction_id = 'replayed-1'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alerts WHERE transaction_id = 'replayed-1' AND status = 'OPEN'"))
                .isEqualTo(1);
    }

    @Test
    void writesTheTransactionsFactsOnTheDecisionAndOnItsAlert() throws Exception {
        publish(decision("facts-1", "EUR"));

        assertThat(awaitRows("SELECT merchant_category, country, latitude, longitude, channel FROM decisions "
                + "WHERE transaction_id = 'facts-1'")).containsExactly("5411|DE|52.52|13.405|CARD_PRESENT");
        assertThat(servers.rows("SELECT amount, currency, merchant_id, merchant_category, country, channel FROM alerts "
                + "WHERE transaction_id = 'facts-1'")).containsExactly("9000.0000|EUR|m-1|5411|DE|CARD_PRESENT");
    }

    @Test
    void writesWhatTheActiveAndTheShadowModelMadeOfTheTransactionAndNothingWhenNoModelScoredIt() throws Exception {
        publish(new Decision("models-1", "card-1", Outcome.REVIEW, 650,
                List.of(new Reason("MODEL_RISK", 650, "model m-2: fraud probability 0.812")), new BigDecimal("120.00"),
                "EUR", "m-1", EVENT_TIME, EVENT_TIME.plusMillis(20), "1", "5411", "DE", 52.52, 13.405,
                Channel.CARD_PRESENT, List.of(new ModelScore("m-2", ModelScore.Role.ACTIVE, 0.8125, 650),
                        new ModelScore("m-3", ModelScore.Role.SHADOW, 0.25, 0))));
        publish(decision("models-none", "EUR"));

        assertThat(awaitRows("SELECT score.value->>'version', score.value->>'role', score.value->>'probability', "
                + "score.value->>'points' FROM decisions, jsonb_array_elements(models) WITH ORDINALITY AS score "
                + "WHERE transaction_id = 'models-1' ORDER BY score.ordinality"))
                .containsExactly("m-2|ACTIVE|0.8125|650", "m-3|SHADOW|0.25|0");
        assertThat(awaitRows("SELECT models IS NULL FROM decisions WHERE transaction_id = 'models-none'"))
                .containsExactly("t");
    }

    @Test
    void servesStreamsConnectionPoolKafkaClientAndJvmMetrics() throws Exception {
        publish(decision("metered-1", "EUR"));

        awaitCount("SELECT count(*) FROM decisions WHERE transaction_id = 'metered-1'", 1);

        assertThat(metric("kafka_stream_alive_stream_threads", "")).isEqualTo(2);
        assertThat(metric("kafka_stream_thread_process_rate", "thread_id=")).isNotNegative();
        assertThat(metric("db_client_connection_max", "db_client_connection_pool_name=")).isEqualTo(10);
        assertThat(metric("db_client_connection_count", "db_client_connection_state=\"idle\"")).isPositive();
        assertThat(metric("kafka_consumer_records_consumed_total", "client_id=\"fraud-detector-decision-sink\""))
                .isPositive();
        assertThat(metric("jvm_memory_used_bytes", "")).isPositive();
    }

    @Test
    void decisionsPublishedWhileTheDatabaseIsDownAreWrittenOnceItIsBack() throws Exception {
        double retries = metric("cardwatch_sink_retries_total", "");
        servers.postgres().stop();
        for (int i = 0; i < 50; i++) {
            publish(decision("outage-" + i, "EUR"));
        }
        // Down until the sink has failed to write them and is retrying.
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("cardwatch_sink_retries_total", "") > retries);
        servers.postgres().start();

        assertThat(awaitCount("SELECT count(*) FROM decisions WHERE transaction_id LIKE 'outage-%'", 50)).isEqualTo(50);
        assertThat(metric("cardwatch_sink_retries_total", "")).isPositive();
    }

    @Test
    void decisionsSurviveEveryDatabaseSessionBeingTerminated() throws Exception {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 40; i++) {
                publish(decision("terminated-" + round + "-" + i, "EUR"));
            }
            count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE datname = 'cardwatch' AND pid <> pg_backend_pid()");
        }

        assertThat(awaitCount("SELECT count(*) FROM decisions WHERE transaction_id LIKE 'terminated-%'", 200))
                .isEqualTo(200);
        assertThat(metric("cardwatch_sink_decisions_written_total", "")).isGreaterThanOrEqualTo(200);
    }

    /** The value of a counter on the Prometheus endpoint, for the series whose labels contain {@code label}. */
    private double metric(String name, String label) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + servers.metricsPort() + "/metrics")).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Decision decision(String transactionId, String currency) {
        return new Decision(transactionId, "card-1", Outcome.REVIEW, 400,
                List.of(new Reason("LARGE_AMOUNT", 400, "amount 9000.00 EUR at or over limit 5000")),
                new BigDecimal("9000.00"), currency, "m-1", EVENT_TIME, EVENT_TIME.plusMillis(20), "1", "5411", "DE", 52.52, 13.405,
                Channel.CARD_PRESENT);
    }

    private void publish(Decision decision) throws Exception {
        publishRaw(decision.cardId(), Topics.DECISIONS.valueSerde().serializer().serialize("decisions", decision));
    }

    private void publishRaw(String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), key, value)).get();
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(int expected) {
        return await().atMost(Duration.ofSeconds(60)).until(this::deadLetters, records -> records.size() >= expected);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicContents.readAll(servers.broker().bootstrapServers(), Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The count {@code sql} selects once it reaches {@code expected}, the database being down meanwhile or not. */
    private long awaitCount(String sql, long expected) {
        return await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> count(sql), count -> count >= expected);
    }

    /** The rows {@code sql} selects once there are any, each as its columns joined by {@code |}. */
    private List<String> awaitRows(String sql) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> servers.rows(sql), rows -> !rows.isEmpty());
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(servers.rows(sql).get(0));
    }
}
