package io.cardwatch.detector.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.detector.DetectorTestServers;
import io.cardwatch.embedded.FreePorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detector's Streams client on a real broker: its stores use the bounded RocksDB memory, liveness follows
 * the client's state, and a stream thread that keeps failing is replaced and then shuts the client down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamsClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long MIB = 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private DetectorTestServers servers;
    private ApplicationContext detector;
    private int port;

    @BeforeAll
    void startDetector() {
        servers = DetectorTestServers.start("streams-client");
        port = FreePorts.pick();
        detector = ApplicationContext.run(EmbeddedServer.class, Map.copyOf(servers.properties(Map.of(
                "micronaut.server.port", Integer.toString(port),
                "cardwatch.streams.rocksdb-memory-mib", "48",
                "cardwatch.streams.rocksdb-write-buffer-mib", "12"))), "test")
                .getApplicationContext();
    }

    @AfterAll
    void stop() {
        try {
            if (detector != null) {
                detector.close();
            }
        } finally {
            servers.close();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "CREATED, UP", "REBALANCING, UP", "RUNNING, UP",
            "PENDING_SHUTDOWN, DOWN", "NOT_RUNNING, DOWN", "PENDING_ERROR, DOWN", "ERROR, DOWN"})
    void livenessIsDownOnlyOnceTheClientStopsForGood(KafkaStreams.State state, String status) {
        assertThat(StreamsLiveness.statusOf(state).getName()).isEqualTo(status);
    }

    @Test
    @Order(1)
    void everyStoreOfTheDetectorReadsThroughTheConfiguredSharedCache() {
        KafkaStreams streams = detector.getBean(KafkaStreams.class);

        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING
                && blockCacheCapacities(streams).containsKey("card-profiles"));

        assertThat(blockCacheCapacities(streams)).containsKey("card-profiles")
                .allSatisfy((store, capacity) -> assertThat(capacity).isEqualTo(BigInteger.valueOf(48 * MIB)));
    }

    /** Stops the detector's client: last of the tests on it. */
    @Test
    @Order(2)
    void livenessAnswers503OnceTheDetectorsClientHasStopped() throws Exception {
        // given
        KafkaStreams streams = detector.getBean(KafkaStreams.class);
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        HttpResponse<String> running = liveness();

        // when
        streams.close(Duration.ofSeconds(30));

        // then
        HttpResponse<String> stopped = liveness();
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(client(running)).isEqualTo(json.readTree("""
                {"status":"UP","details":{"state":"RUNNING"}}"""));
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(client(stopped)).isEqualTo(json.readTree("""
                {"status":"DOWN","details":{"state":"NOT_RUNNING"}}"""));
    }

    @Test
    void aThreadFailingOnEveryTryIsReplacedOnceThenTheClientShutsDownAndIsNotLive() throws Exception {
        // given: a topology whose only processor always fails, and one replacement allowed
        String topic = "always-failing";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.broker().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var builder = new StreamsBuilder();
        builder.<String, String>stream(topic).foreach((card, value) -> {
            throw new IllegalStateException("cannot score " + value);
        });
        List<StreamThreadExceptionResponse> responses = new CopyOnWriteArrayList<>();
        var failures = new StreamThreadFailures(1, Duration.ofMinutes(10), Clock.systemUTC());
        try (var streams = new KafkaStreams(builder.build(), failingClientConfig())) {
            streams.setUncaughtExceptionHandler(exception -> {
                StreamThreadExceptionResponse response = failures.handle(exception);
                responses.add(response);
                return response;
            });
            streams.start();

            // when
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "card-1", "tx-1")).get();
            }

            // then
            await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.ERROR);
            HealthResult liveness = new StreamsLiveness(streams).result();
            assertThat(responses).containsExactly(REPLACE_THREAD, SHUTDOWN_CLIENT);
            assertThat(liveness.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(liveness.getDetails()).isEqualTo(Map.of("state", "ERROR"));
        }
    }

    private Properties failingClientConfig() {
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "always-failing");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "always-failing-" + System.nanoTime())
                .toAbsolutePath().toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // The failed thread's consumer stays in the group until its session expires: the broker's shortest.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2000);
        return config;
    }

    private HttpResponse<String> liveness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** This indicator's status and details in the liveness answer (the endpoint names each after the service). */
    private JsonNode client(HttpResponse<String> liveness) throws Exception {
        JsonNode indicator = json.readTree(liveness.body()).path("details").path(StreamsLiveness.NAME);
        return json.createObjectNode().setAll(Map.of("status", indicator.path("status"),
                "details", indicator.path("details")));
    }

    /** Kafka Streams' own gauge of each store's block cache: the same cache, so the same capacity, for all. */
    private static Map<String, Object> blockCacheCapacities(KafkaStreams streams) {
        Map<String, Object> capacities = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-state-metrics") && name.name().equals("block-cache-capacity")) {
                capacities.put(name.tags().get("rocksdb-state-id"), metric.metricValue());
            }
        });
        return capacities;
    }
}
