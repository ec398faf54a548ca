package io.cardwatch.gateway.lookup;

import static org.awaitility.Awaitility.await;

import io.cardwatch.events.Decision;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Outcome;
import io.cardwatch.events.Reason;
import io.cardwatch.events.Topics;
import io.cardwatch.gateway.GatewayTest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A gateway whose decision tail follows the shared broker, and the test in the detector's place on it. */
abstract class LookupTest extends GatewayTest {

    private final String warmUpProducer;
    private final String warmUpAuthorization;
    private KafkaProducer<String, Decision> detector;

    /** The warm-up decides for {@code warmUpProducer} and looks up with {@code warmUpAuthorization}. */
    LookupTest(String warmUpProducer, String warmUpAuthorization) {
        this.warmUpProducer = warmUpProducer;
        this.warmUpAuthorization = warmUpAuthorization;
    }

    /** The tail starts at the end of the topic: decide until one decision comes through, so that none is missed. */
    @BeforeAll
    void waitUntilTheTailFollowsTheTopic() {
        detector = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                Topics.DECISIONS.keySerde().serializer(), Topics.DECISIONS.valueSerde().serializer());
        AtomicInteger warmUps = new AtomicInteger();
        await("the decision tail following the topic").atMost(Duration.ofSeconds(60)).until(() -> {
            String transactionId = "tx-warm-up-" + warmUps.incrementAndGet();
            decide(decision(transactionId), producerHeader(warmUpProducer));
            return status(lookup(transactionId, warmUpAuthorization, 200)) == 200;
        });
    }

    @AfterAll
    void closeDetector() {
        detector.close();
    }

    /** What the detector does: a decision keyed by card, with the headers of the transaction it decides. */
    void decide(Decision decision, Headers headers) throws ExecutionException, InterruptedException {
        detector.send(new ProducerRecord<>(Topics.DECISIONS_NAME, null, decision.cardId(), decision, headers)).get();
    }

    /** The headers of a transaction {@code producer} posted through the gateway. */
    static Headers producerHeader(String producer) {
        return new RecordHeaders().add(EventHeaders.PRODUCER_ID, producer.getBytes(StandardCharsets.UTF_8));
    }

    static Decision decision(String transactionId) {
        return new Decision(transactionId, "card-1", Outcome.REVIEW, 400,
                List.of(new Reason("LARGE_AMOUNT", 400, "amount 5000.00 EUR at or over 5000")),
                new BigDecimal("5000.00"), "EUR", "m-1", Instant.parse("2026-11-20T10:15:30Z"),
                Instant.parse("2026-11-20T10:15:30.020Z"), "1", "5411", "DE", 52.52, 13.405, null);
    }

    static HttpRequest<?> lookup(String transactionId, String authorization, long waitMs) {
        MutableHttpRequest<?> request = HttpRequest.GET("/v1/transactions/" + transactionId + "/decision?waitMs="
                + waitMs);
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
}
