package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.events.Decision;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topics;
import io.cardwatch.gateway.auth.ProducerIdentity;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Decisions published on the decisions topic become visible to lookups, including lookups already waiting. With
 * authentication off, every transaction is posted, and every decision looked up, by the anonymous producer.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionLookupTest implements TestPropertyProvider {

    private KafkaBroker broker;
    private KafkaProducer<String, Decision> decisions;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        broker = KafkaBroker.withCardwatchTopics();
        decisions = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                Topics.DECISIONS.keySerde().serializer(), Topics.DECISIONS.valueSerde().serializer());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "cardwatch.lookup.max-wait", "30s",
                "cardwatch.auth.enabled", "false");
    }

    /** The tail starts at the end of the topic: publish until one decision comes through, so none is missed. */
    @BeforeAll
    void waitUntilTheTailFollowsTheTopic() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int attempt = 0; status("/v1/transactions/tx-warm-up-" + attempt + "/decision?waitMs=200") != 200;
             attempt++) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The decision tail did not start within 60 s");
            }
            publish(decision("tx-warm-up-" + (attempt + 1)));
        }
    }

    @AfterAll
    void stopBroker() {
        decisions.close();
        context.close();
        broker.close();
    }

    @Test
    void answersTheDecisionWithItsReasonsOnceScored() throws Exception {
        publish(decision("tx-scored"));
        String path = "/v1/transactions/tx-scored/decision?waitMs=1000";

        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(path), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"transactionId\":\"tx-scored\",\"cardId\":\"card-1\","
                + "\"outcome\":\"REVIEW\",\"score\":400,\"reasons\":[{\"code\":\"LARGE_AMOUNT\",\"points\":400,"
                + "\"detail\":\"amount 5000.00 EUR at or over 5000\"}],\"amount\":5000.00,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-1\",\"eventTime\":\"2026-11-20T10:15:30Z\","
                + "\"decidedAt\":\"2026-11-20T10:15:30.020Z\",\"rulesVersion\":\"1\",\"merchantCategory\":\"5411\","
                + "\"country\":\"DE\",\"latitude\":52.52,\"longitude\":13.405}");
    }

    @Test
    void answers404AsProblemJsonUntilScored() {
        var error = rejected("/v1/transactions/tx-unknown/decision");

        assertThat(error.code()).isEqualTo(404);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(error.getResponse().getBody(String.class)).hasValueSatisfying(body -> assertThat(body)
                .contains("\"detail\":\"No decision on transaction tx-unknown within the lookup window yet\""));
    }

    @Test
    void completesAWaitingLookupWhenTheDecisionArrives() throws Exception {
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                () -> status("/v1/transactions/tx-awaited/decision?waitMs=60000"));
        Thread.sleep(200);

        publish(decision("tx-awaited"));

        assertThat(waiting.get()).isEqualTo(200);
    }

    @Test
    void answers404WhenTheWaitEndsWithoutADecision() {
        assertThat(status("/v1/transactions/tx-never/decision?waitMs=300")).isEqualTo(404);
    }

    @Test
    void refusesANegativeOrNonNumericWait() {
        assertThat(status("/v1/transactions/tx-scored/decision?waitMs=-1")).isEqualTo(400);
        assertThat(status("/v1/transactions/tx-scored/decision?waitMs=soon")).isEqualTo(400);
    }

    private void publish(Decision decision) throws ExecutionException, InterruptedException {
        var record = new ProducerRecord<>(Topics.DECISIONS_NAME, decision.cardId(), decision);
        record.headers().add(EventHeaders.PRODUCER_ID, ProducerIdentity.ANONYMOUS.getBytes(StandardCharsets.UTF_8));
        decisions.send(record).get();
    }

    private static Decision decision(String transactionId) {
        return new Decision(transactionId, "card-1", Outcome.REVIEW, 400,
                List.of(new Reason("LARGE_AMOUNT", 400, "amount 5000.00 EUR at or over 5000")),
                new BigDecimal("5000.00"), "EUR", "m-1", Instant.parse("2026-11-20T10:15:30Z"),
                Instant.parse("2026-11-20T10:15:30.020Z"), "1", "5411", "DE", 52.52, 13.405, null);
    }

    private int status(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private HttpClientResponseException rejected(String path) {
        try {
            http.toBlocking().exchange(HttpRequest.GET(path), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("Expected " + path + " to be refused");
    }
}
