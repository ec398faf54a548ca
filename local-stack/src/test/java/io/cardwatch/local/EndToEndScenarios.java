package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The product's promise, end to end over HTTP: what a producer posts is scored and lands in PostgreSQL.
 * Subclasses choose the infrastructure (embedded servers, or containers where Docker exists).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenarios {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalStack stack;

    /** Starts the infrastructure the services should use, given a fresh directory for its data. */
    abstract LocalStack startStack(LocalStackOptions options);

    @BeforeAll
    void startSystem() {
        Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Path.of("target", "e2e-" + getClass().getSimpleName() + "-" + System.nanoTime()).toAbsolutePath();
        stack = startStack(LocalStackOptions.forTest(home, dataDir));
    }

    @AfterAll
    void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPostedTransactionIsAcceptedScoredAndStoredWithItsReasons() throws Exception {
        HttpResponse<String> response = post(transaction("e2e-tx-1", "9000.00"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"transactionId\":\"e2e-tx-1\",\"status\":\"ACCEPTED\"}");
        assertThat(awaitDecision("e2e-tx-1")).isEqualTo(
                "e2e-tx-1|card-7|REVIEW|400|[{\"code\": \"LARGE_AMOUNT\", \"detail\": "
                        + "\"amount 9000.00 EUR at or over limit 5000\", \"points\": 400}]");
    }

    @Test
    void aMalformedTransactionIsRefusedWithProblemJsonAndNeverStored() throws Exception {
        HttpResponse<String> response = post(transaction("e2e-tx-2", "0"));
        post(transaction("e2e-tx-3", "10.00"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("{\"pointer\":\"#/amount\",\"detail\":\"must be greater than 0\"}");
        awaitDecision("e2e-tx-3");
        assertThat(decision("e2e-tx-2")).isEmpty();
    }

    private static String transaction(String id, String amount) {
        return ("{\"transactionId\":\"%s\",\"cardId\":\"card-7\",\"amount\":%s,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-9\",\"merchantCategory\":\"5732\",\"country\":\"FR\",\"latitude\":48.8566,"
                + "\"longitude\":2.3522,\"eventTime\":\"%s\"}").formatted(id, amount, recently());
    }

    // The detector sets aside transactions older than its maximum age.
    private static Instant recently() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private HttpResponse<String> post(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String awaitDecision(String transactionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> rows = decision(transactionId);
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = decision(transactionId);
        }
        assertThat(rows).as("decision rows of %s", transactionId).hasSize(1);
        return rows.get(0);
    }

    private List<String> decision(String transactionId) throws Exception {
        Infrastructure infrastructure = stack.infrastructure();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT transaction_id, card_id, outcome, score, reasons FROM decisions WHERE transaction_id = ?")) {
            query.setString(1, transactionId);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(String.join("|", result.getString(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5)));
                }
            }
            return rows;
        }
    }
}
