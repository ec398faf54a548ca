package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.embedded.ChildJvm;
import io.cardwatch.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With a data directory given, a restarted local stack still has everything it had, even after kill -9. */
class LocalStackRestartTest {

    private static final Path HOME = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();

    @Test
    void keepsDecisionsAndKeepsScoringAcrossARestart() throws Exception {
        var options = keptDataOptions("restart-");

        try (LocalStack first = LocalStack.startEmbedded(options)) {
            assertThat(post(first.gatewayUrl(), "restart-tx-1")).isEqualTo(202);
            awaitDecisions(first.infrastructure(), 1);
        }
        try (LocalStack second = LocalStack.startEmbedded(options)) {
            assertThat(post(second.gatewayUrl(), "restart-tx-2")).isEqualTo(202);

            assertThat(awaitDecisions(second.infrastructure(), 2))
                    .containsExactly("restart-tx-1|APPROVE", "restart-tx-2|APPROVE");
        }
    }

    @Test
    void keepsDecisionsAndKeepsScoringAfterTheStackWasKilled() throws Exception {
        // given a stack, as ./mvnw -Plocal verify runs it, that scored a transaction and was then killed with kill -9
        var options = keptDataOptions("killed-");
        Path log = options.dataDir().resolveSibling(options.dataDir().getFileName() + "-first.log");
        Process first = ChildJvm.start("local-stack", System.getProperty("java.class.path"), properties(options),
                LocalStack.class.getName(), List.of(), log);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(first.isAlive()).as("first stack alive; its output:%n%s", ChildJvm.tail(log)).isTrue();
            return Files.readString(log).contains("Cardwatch is running.");
        });
        String gatewayUrl = "http://127.0.0.1:" + options.gatewayPort();
        assertThat(post(gatewayUrl, "restart-tx-1")).isEqualTo(202);
        first.destroyForcibly().waitFor();

        // when the next run starts on its data directory and ports, while its servers still run
        try (LocalStack second = LocalStack.startEmbedded(options)) {
            assertThat(post(second.gatewayUrl(), "restart-tx-2")).isEqualTo(202);

            // then
            assertThat(awaitDecisions(second.infrastructure(), 2))
                    .containsExactly("restart-tx-1|APPROVE", "restart-tx-2|APPROVE");
        }
    }

    private static LocalStackOptions keptDataOptions(String prefix) {
        return new LocalStackOptions(HOME, Path.of("target", prefix + System.nanoTime()).toAbsolutePath(),
                true, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), 3);
    }

    /** The system properties of LocalStack's main, as the local profile of the pom passes them. */
    private static List<String> properties(LocalStackOptions options) {
        return List.of("-Dcardwatch.home=" + options.home(), "-Dcardwatch.data-dir=" + options.dataDir(),
                "-Dcardwatch.gateway-port=" + options.gatewayPort(),
                "-Dcardwatch.gateway-metrics-port=" + options.gatewayMetricsPort(),
                "-Dcardwatch.detector-port=" + options.detectorPort(),
                "-Dcardwatch.detector-metrics-port=" + options.detectorMetricsPort(),
                "-Dcardwatch.review-port=" + options.reviewPort(),
                "-Dcardwatch.review-metrics-port=" + options.reviewMetricsPort(),
                "-Dcardwatch.kafka-port=" + options.kafkaPort(), "-Dcardwatch.postgres-port=" + options.postgresPort(),
                "-Dcardwatch.partitions=" + options.partitions());
    }

    private static int post(String gatewayUrl, String transactionId) throws Exception {
        String body = ("{\"transactionId\":\"%s\",\"cardId\":\"card-3\",\"amount\":42.00,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-3\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                + "\"longitude\":13.405,\"eventTime\":\"%s\"}").formatted(transactionId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> awaitDecisions(Infrastructure infrastructure, int expected) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> decisions(infrastructure), decisions -> decisions.size() >= expected);
    }

    private static List<String> decisions(Infrastructure infrastructure) throws Exception {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT transaction_id, outcome FROM decisions "
                     + "WHERE transaction_id LIKE 'restart-tx-%' ORDER BY transaction_id")) {
            List<String> decisions = new ArrayList<>();
            while (rows.next()) {
                decisions.add(rows.getString(1) + "|" + rows.getString(2));
            }
            return decisions;
        }
    }
}
