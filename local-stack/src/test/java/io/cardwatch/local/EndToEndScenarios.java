package io.cardwatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.Optional;
import io.cardwatch.local.OtlpTraceReceiver.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span;
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
    private OtlpTraceReceiver traces;

    /**
     * Starts the infrastructure the services should use, given a fresh directory for its data, and the
     * system with {@code serviceProperties} given to both services.
     */
    abstract LocalStack startStack(LocalStackOptions options, Map<String, String> serviceProperties);

    @BeforeAll
    void startSystem() {
        Path home = Path.of(System.getProperty("cardwatch.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Path.of("target", "e2e-" + getClass().getSimpleName() + "-" + System.nanoTime()).toAbsolutePath();
        traces = OtlpTraceReceiver.start();
        stack = startStack(LocalStackOptions.forTest(home, dataDir), traces.exportProperties());
    }

    @AfterAll
    void stopSystem() {
        if (stack != null) {
            stack.close();
        }
        traces.close();
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

    @Test
    void aTransactionIsOneTraceFromHttpIngestThroughScoringToItsDatabaseRow() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpanId = "b7ad6b7169203331";

        HttpResponse<String> response = post(transaction("e2e-traced-1", "42.00"), "00-" + traceId + "-" + callerSpanId + "-01");

        assertThat(response.statusCode()).isEqualTo(202);
        awaitDecision("e2e-traced-1");
        ReceivedSpan write = awaitSpan(traceId, "fraud-detector", "INSERT decisions", Span.SpanKind.SPAN_KIND_CLIENT);
        List<ReceivedSpan> trace = traces.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
        ReceivedSpan request = only(trace, "ingest-gateway", "POST /v1/transactions", Span.SpanKind.SPAN_KIND_SERVER);
        ReceivedSpan publish = only(trace, "ingest-gateway", "transactions publish", Span.SpanKind.SPAN_KIND_PRODUCER);
        ReceivedSpan scoring = only(trace, "fraud-detector", "process transactions", Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(request.parentSpanId()).isEqualTo(callerSpanId);
        assertThat(publish.parentSpanId()).isEqualTo(request.spanId());
        assertThat(scoring.parentSpanId()).isEqualTo(publish.spanId());
        assertThat(write.parentSpanId()).isEqualTo(scoring.spanId());
    }

    private ReceivedSpan awaitSpan(String traceId, String service, String name, Span.SpanKind kind) {
        return await("span " + name + " from " + service + " in trace " + traceId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> traces.spans().stream().filter(span -> span.traceId().equals(traceId)
                        && span.service().equals(service) && span.name().equals(name) && span.kind() == kind)
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String name, Span.SpanKind kind) {
        List<ReceivedSpan> found = trace.stream().filter(span -> span.service().equals(service)
                && span.name().equals(name) && span.kind() == kind).toList();
        assertThat(found).as("%s spans of %s in %s", name, service, trace).hasSize(1);
        return found.get(0);
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
        return HTTP.send(postRequest(json).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts as a caller that traces its own requests: its span is the parent of the gateway's. */
    private HttpResponse<String> post(String json, String traceparent) throws Exception {
        return HTTP.send(postRequest(json).header("traceparent", traceparent).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder postRequest(String json) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/v1/transactions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalStack.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30));
    }

    private String awaitDecision(String transactionId) {
        List<String> rows = await("decision of " + transactionId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> decision(transactionId), found -> !found.isEmpty());
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
