package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Decision;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two producers on one gateway and a real broker: each posts its transactions through the gateway, the test plays
 * the detector (a decision keeps its transaction's headers), and each producer is answered only the decisions on
 * its own transactions. Another producer's decision answers exactly as one never made.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedDecisionLookupTest implements TestPropertyProvider {

    private static final String ACME = "Bearer acme-key";
    private static final String GLOBEX = "Bearer globex-key";
    private static final String ACME_AUDIT = "Bearer acme-audit-key";
    private static final Instant DECIDED_AT = Instant.parse("2026-11-20T10:15:30.020Z");

    private final AtomicInteger warmUps = new AtomicInteger();
    private KafkaBroker broker;
    private KafkaProducer<String, Decision> detector;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        broker = KafkaBroker.withCardwatchTopics();
        detector = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                Topics.DECISIONS.keySerde().serializer(), Topics.DECISIONS.valueSerde().serializer());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "cardwatch.lookup.max-wait", "30s",
                "cardwatch.auth.producers.acme.api-key-sha256", sha256("acme-key"),
                "cardwatch.auth.producers.globex.api-key-sha256", sha256("globex-key"),
                "cardwatch.auth.producers.acmeaudit.api-key-sha256", sha256("acme-audit-key"),
                "cardwatch.auth.producers.acmeaudit.write", "false",
                "cardwatch.auth.producers.acmeaudit.reads-for", "acme");
    }

    /** The tail starts at the end of the topic: decide until one decision comes through, so that none is missed. */
    @BeforeAll
    void waitUntilTheTailFollowsTheTopic() {
        await("the decision tail following the topic").atMost(Duration.ofSeconds(60)).until(() -> {
            String transactionId = "tx-warm-up-" + warmUps.incrementAndGet();
            decide(transactionId, producerHeader("acme"));
            return status(transactionId, ACME, 200) == 200;
        });
    }

    @AfterAll
    void stopBroker() {
        detector.close();
        context.close();
        broker.close();
    }

    @Test
    void eachProducerReadsTheDecisionOnItsOwnTransactionAndNotTheOther() throws Exception {
        // given: each producer posted one transaction, and both were decided
        Headers acmes = post("tx-acme-1", ACME);
        Headers globexs = post("tx-globex-1", GLOBEX);
        decide("tx-acme-1", acmes);
        decide("tx-globex-1", globexs);

        // when
        HttpResponse<String> acmeOwn = lookup("tx-acme-1", ACME, 10_000);
        HttpResponse<String> globexOwn = lookup("tx-globex-1", GLOBEX, 10_000);
        HttpClientResponseException acmeOther = refused("tx-globex-1", ACME, 0);
        HttpClientResponseException globexOther = refused("tx-acme-1", GLOBEX, 0);

        // then
        assertThat(acmeOwn.code()).isEqualTo(200);
        assertThat(acmeOwn.body()).startsWith("{\"transactionId\":\"tx-acme-1\",\"cardId\":\"card-1\"");
        assertThat(globexOwn.code()).isEqualTo(200);
        assertThat(globexOwn.body()).startsWith("{\"transactionId\":\"tx-globex-1\",\"cardId\":\"card-1\"");
        assertNotDecided(acmeOther, "tx-globex-1");
        assertNotDecided(globexOther, "tx-acme-1");
    }

    @Test
    void aLookupOnlyKeyReadsTheDecisionsOfTheProducerItReadsForAndNoOther() throws Exception {
        // given: acme and globex each posted one transaction, and both were decided
        decide("tx-acme-5", post("tx-acme-5", ACME));
        decide("tx-globex-5", post("tx-globex-5", GLOBEX));
        assertThat(lookup("tx-globex-5", GLOBEX, 10_000).code()).isEqualTo(200);

        // when: acme's lookup-only key asks for both
        HttpResponse<String> acmes = lookup("tx-acme-5", ACME_AUDIT, 10_000);
        HttpClientResponseException globexs = refused("tx-globex-5", ACME_AUDIT, 0);

        // then
        assertThat(acmes.code()).isEqualTo(200);
        assertThat(acmes.body()).startsWith("{\"transactionId\":\"tx-acme-5\",\"cardId\":\"card-1\"");
        assertNotDecided(globexs, "tx-globex-5");
    }

    @Test
    void anotherProducersDecisionAnswersExactlyAsAnUnknownTransactionWhenTheWaitEnds() throws Exception {
        // given
        decide("tx-acme-2", post("tx-acme-2", ACME));
        assertThat(lookup("tx-acme-2", ACME, 10_000).code()).isEqualTo(200);

        // when
        HttpClientResponseException other = refused("tx-acme-2", GLOBEX, 300);
        HttpClientResponseException unknown = refused("tx-nowhere", GLOBEX, 300);

        // then
        assertNotDecided(other, "tx-acme-2");
        assertNotDecided(unknown, "tx-nowhere");
    }

    @Test
    void lookupsWaitingWhileTheDecisionArrivesAreAnsweredOnlyForTheProducerThatPostedIt() throws Exception {
        // given: both producers wait for acme's transaction
        Headers acmes = post("tx-acme-3", ACME);
        CompletableFuture<Integer> acmeWaiting = CompletableFuture.supplyAsync(
                () -> status("tx-acme-3", ACME, 30_000));
        CompletableFuture<Integer> globexWaiting = CompletableFuture.supplyAsync(
                () -> status("tx-acme-3", GLOBEX, 2_000));

        // when
        decide("tx-acme-3", acmes);

        // then
        assertThat(acmeWaiting.get()).isEqualTo(200);
        assertThat(globexWaiting.get()).isEqualTo(404);
    }

    @Test
    void aDecisionOnATransactionThatNamesNoProducerIsAnsweredToNone() throws Exception {
        // given: a transaction that did not come through the gateway (loaded straight onto Kafka), then one of
        // acme's on the same card: once acme's is answered, the tail has read the first
        decide("tx-direct", new RecordHeaders());
        decide("tx-acme-4", post("tx-acme-4", ACME));
        assertThat(lookup("tx-acme-4", ACME, 10_000).code()).isEqualTo(200);

        // when
        HttpClientResponseException acme = refused("tx-direct", ACME, 0);
        HttpClientResponseException globex = refused("tx-direct", GLOBEX, 0);

        // then
        assertNotDecided(acme, "tx-direct");
        assertNotDecided(globex, "tx-direct");
    }

    private static void assertNotDecided(HttpClientResponseException refused, String transactionId) {
        assertThat(refused.code()).isEqualTo(404);
        assertThat(refused.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(refused.getResponse().getBody(String.class)).hasValue("{\"type\":\"about:blank\","
                + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"No decision on transaction " + transactionId
                + " within the lookup window yet\",\"instance\":\"/v1/transactions/" + transactionId + "/decision\"}");
    }

    /** Posts a transaction on card-1 through the gateway; the headers its record carries on Kafka. */
    private Headers post(String transactionId, String authorization) {
        var accepted = http.toBlocking().exchange(HttpRequest.POST("/v1/transactions", """
                {"transactionId":"%s","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1",
                 "merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,"eventTime":"%s"}"""
                .formatted(transactionId, Instant.now().minusSeconds(5)))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Authorization", authorization), String.class);
        assertThat(accepted.code()).isEqualTo(202);
        List<ConsumerRecord<String, Transaction>> records = TopicContents.readAll(broker.bootstrapServers(),
                Topics.TRANSACTIONS.name(), Topics.TRANSACTIONS.keySerde().deserializer(),
                Topics.TRANSACTIONS.valueSerde().deserializer());
        return records.stream().filter(record -> record.value().transactionId().equals(transactionId))
                .map(ConsumerRecord::headers).findFirst().orElseThrow();
    }

    /** What the detector does: a decision keyed by card, with the headers of the transaction it decides. */
    private void decide(String transactionId, Headers headers) throws Exception {
        Decision decision = new Decision(transactionId, "card-1", Outcome.APPROVE, 0, List.of(),
                new BigDecimal("12.50"), "EUR", "m-1", DECIDED_AT.minusSeconds(1), DECIDED_AT, "1", "5411",
                "DE", 52.52, 13.405, null);
        detector.send(new ProducerRecord<>(Topics.DECISIONS_NAME, null, decision.cardId(), decision, headers)).get();
    }

    private static Headers producerHeader(String producer) {
        return new RecordHeaders().add(EventHeaders.PRODUCER_ID, producer.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> lookup(String transactionId, String authorization, long waitMs) {
        return http.toBlocking().exchange(request(transactionId, authorization, waitMs), String.class);
    }

    private HttpClientResponseException refused(String transactionId, String authorization, long waitMs) {
        try {
            http.toBlocking().exchange(request(transactionId, authorization, waitMs), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("Expected the decision on " + transactionId + " to be refused");
    }

    private int status(String transactionId, String authorization, long waitMs) {
        try {
            return lookup(transactionId, authorization, waitMs).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private static HttpRequest<?> request(String transactionId, String authorization, long waitMs) {
        return HttpRequest.GET("/v1/transactions/" + transactionId + "/decision?waitMs=" + waitMs)
                .header("Authorization", authorization);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
