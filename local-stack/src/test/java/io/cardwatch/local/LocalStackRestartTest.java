package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** With a data directory given, a stopped and restarted local stack still has everything it had. */
class LocalStackRestartTest {

    @Test
    void keepsDecisionsAndKeepsScoringAcrossARestart() throws Exception {
        Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
        var options = new LocalStackOptions(home, Path.of("target", "restart-" + System.nanoTime()).toAbsolutePath(),
                true, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), 3);

        try (LocalStack first = LocalStack.startEmbedded(options)) {
            assertThat(post(first, "restart-tx-1")).isEqualTo(202);
            awaitDecisions(first, 1);
        }
        try (LocalStack second = LocalStack.startEmbedded(options)) {
            assertThat(post(second, "restart-tx-2")).isEqualTo(202);

            assertThat(awaitDecisions(second, 2)).containsExactly("restart-tx-1|APPROVE", "restart-tx-2|APPROVE");
        }
    }

    private static int post(LocalStack stack, String transactionId) throws Exception {
        String body = ("{\"transactionId\":\"%s\",\"cardId\":\"card-3\",\"amount\":42.00,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-3\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                + "\"longitude\":13.405,\"eventTime\":\"%s\"}").formatted(transactionId,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> awaitDecisions(LocalStack stack, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> decisions = decisions(stack);
        while (decisions.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            decisions = decisions(stack);
        }
        return decisions;
    }

    private static List<String> decisions(LocalStack stack) throws Exception {
        Infrastructure infrastructure = stack.infrastructure();
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
