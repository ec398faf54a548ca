package io.cardwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch sender against a stand-in for the gateway's batch endpoint that plays back scripted answers
 * (the gateway's own batch semantics are proven in its tests): what the sender resends, and what it reports.
 */
class BatchHttpSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<Answer> answers = new ArrayDeque<>();
    private final List<List<String>> postedIds = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer gateway = startGateway();

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void resendsOnlyTheEventsTheGatewayCouldNotStoreAndNeverTheRefusedOnes() throws Exception {
        // given
        answers.add(new Answer(200, results("ACCEPTED", "REJECTED", "UNAVAILABLE")));
        answers.add(new Answer(200, results("ACCEPTED")));

        // when
        List<Delivery> deliveries;
        try (var sender = new BatchHttpSender(url(), "key-1", 3, Duration.ofSeconds(10), 5)) {
            deliveries = sendAll(sender, "tx-1", "tx-2", "tx-3");
        }

        // then
        assertThat(deliveries).containsExactly(Delivery.ACCEPTED, Delivery.REFUSED, Delivery.ACCEPTED);
        assertThat(postedIds).containsExactly(List.of("tx-1", "tx-2", "tx-3"), List.of("tx-3"));
    }

    @Test
    void resendsAWholeBatchAnswered503AndGivesUpAfterTheLastAttempt() throws Exception {
        // given
        answers.add(new Answer(503, "{\"status\":503}"));
        answers.add(new Answer(503, "{\"status\":503}"));

        // when
        List<Delivery> deliveries;
        try (var sender = new BatchHttpSender(url(), "key-1", 2, Duration.ofSeconds(10), 2)) {
            deliveries = sendAll(sender, "tx-1", "tx-2");
        }

        // then
        assertThat(deliveries).containsExactly(Delivery.FAILED, Delivery.FAILED);
        assertThat(postedIds).containsExactly(List.of("tx-1", "tx-2"), List.of("tx-1", "tx-2"));
    }

    @Test
    void refusesAWholeBatchAnswered400WithoutResending() throws Exception {
        // given
        answers.add(new Answer(400, "{\"status\":400}"));

        // when
        List<Delivery> deliveries;
        try (var sender = new BatchHttpSender(url(), "key-1", 2, Duration.ofSeconds(10), 5)) {
            deliveries = sendAll(sender, "tx-1", "tx-2");
        }

        // then
        assertThat(deliveries).containsExactly(Delivery.REFUSED, Delivery.REFUSED);
        assertThat(postedIds).containsExactly(List.of("tx-1", "tx-2"));
    }

    @Test
    void postsABatchThatIsNotFullOnceItsLingerIsOver() throws Exception {
        // given
        answers.add(new Answer(200, results("ACCEPTED", "ACCEPTED")));

        // when
        List<Delivery> deliveries;
        try (var sender = new BatchHttpSender(url(), "key-1", 100, Duration.ofMillis(20), 5)) {
            deliveries = sendAll(sender, "tx-1", "tx-2");
        }

        // then
        assertThat(deliveries).containsExactly(Delivery.ACCEPTED, Delivery.ACCEPTED);
        assertThat(postedIds).containsExactly(List.of("tx-1", "tx-2"));
    }

    private static List<Delivery> sendAll(BatchHttpSender sender, String... transactionIds) {
        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        for (String transactionId : transactionIds) {
            sent.add(sender.send(transaction(transactionId)));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private static Transaction transaction(String transactionId) {
        return new Transaction(transactionId, "card-1", new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE",
                52.52, 13.405, Instant.parse("2026-11-20T10:15:30Z"));
    }

    private static String results(String... statuses) {
        List<String> results = new ArrayList<>();
        for (String status : statuses) {
            results.add("{\"transactionId\":\"any\",\"status\":\"" + status + "\"}");
        }
        return "{\"failedCount\":0,\"results\":[" + String.join(",", results) + "]}";
    }

    private String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    private HttpServer startGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/transactions:batch", exchange -> {
                List<String> ids = new ArrayList<>();
                JSON.readTree(exchange.getRequestBody()).path("transactions")
                        .forEach(event -> ids.add(event.path("transactionId").asText()));
                postedIds.add(ids);
                Answer answer = answers.remove();
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the stand-in gateway", e);
        }
    }

    private record Answer(int status, String body) {
    }
}
