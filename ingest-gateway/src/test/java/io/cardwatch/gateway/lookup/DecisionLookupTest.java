package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.gateway.auth.ProducerIdentity;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Decisions published on the decisions topic become visible to lookups, including lookups already waiting. With
 * authentication off, every transaction is posted, and every decision looked up, by the anonymous producer.
 */
@MicronautTest
class DecisionLookupTest extends LookupTest {

    @Inject
    DecisionBoard board;

    DecisionLookupTest() {
        super(ProducerIdentity.ANONYMOUS, null);
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cardwatch.lookup.max-wait", "30s", "cardwatch.auth.enabled", "false");
    }

    @Test
    void answersTheDecisionWithItsReasonsOnceScored() throws Exception {
        decide(decision("tx-scored"), producerHeader(ProducerIdentity.ANONYMOUS));

        HttpResponse<String> response = http.toBlocking().exchange(lookup("tx-scored", null, 1000), String.class);

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
        var error = refused(HttpRequest.GET("/v1/transactions/tx-unknown/decision"));

        assertThat(error.code()).isEqualTo(404);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(body(error))
                .contains("\"detail\":\"No decision on transaction tx-unknown within the lookup window yet\"");
    }

    @Test
    void completesAWaitingLookupWhenTheDecisionArrives() throws Exception {
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                () -> status(lookup("tx-awaited", null, 60_000)));
        await("the lookup waiting").until(() -> board.waitingLookups() == 1);

        decide(decision("tx-awaited"), producerHeader(ProducerIdentity.ANONYMOUS));

        assertThat(waiting.get()).isEqualTo(200);
    }

    @Test
    void answers404WhenTheWaitEndsWithoutADecision() {
        assertThat(status(lookup("tx-never", null, 300))).isEqualTo(404);
    }

    @Test
    void refusesANegativeOrNonNumericWait() {
        assertThat(status(HttpRequest.GET("/v1/transactions/tx-scored/decision?waitMs=-1"))).isEqualTo(400);
        assertThat(status(HttpRequest.GET("/v1/transactions/tx-scored/decision?waitMs=soon"))).isEqualTo(400);
    }
}
