package io.cardwatch.gateway.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.gateway.RequestBodies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Two producers on one gateway and a real broker: each posts its transactions through the gateway, the test plays
 * the detector (a decision keeps its transaction's headers), and each producer is answered only the decisions on
 * its own transactions. Another producer's decision answers exactly as one never made.
 */
@MicronautTest
class ScopedDecisionLookupTest extends LookupTest {

    private static final String ACME = "Bearer acme-key";
    private static final String GLOBEX = "Bearer globex-key";
    private static final String ACME_AUDIT = "Bearer acme-audit-key";

    ScopedDecisionLookupTest() {
        super("acme", ACME);
    }

    @Override
    protected Map<String, String> overrides() {
        return merged(Map.of("cardwatch.lookup.max-wait", "30s", "cardwatch.auth.producers.acmeaudit.write", "false",
                        "cardwatch.auth.producers.acmeaudit.reads-for", "acme"),
                producer("acme", "acme-key"), producer("globex", "globex-key"),
                producer("acmeaudit", "acme-audit-key"));
    }

    @Test
    void eachProducerReadsTheDecisionOnItsOwnTransactionAndNotTheOther() throws Exception {
        // given: each producer posted one transaction, and both were decided
        Headers acmes = post("tx-acme-1", ACME);
        Headers globexs = post("tx-globex-1", GLOBEX);
        decide(decision("tx-acme-1"), acmes);
        decide(decision("tx-globex-1"), globexs);

        // when
        HttpResponse<String> acmeOwn = lookupOk("tx-acme-1", ACME, 10_000);
        HttpResponse<String> globexOwn = lookupOk("tx-globex-1", GLOBEX, 10_000);
        HttpClientResponseException acmeOther = refusedLookup("tx-globex-1", ACME, 0);
        HttpClientResponseException globexOther = refusedLookup("tx-acme-1", GLOBEX, 0);

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
        decide(decision("tx-acme-5"), post("tx-acme-5", ACME));
        decide(decision("tx-globex-5"), post("tx-globex-5", GLOBEX));
        assertThat(lookupOk("tx-globex-5", GLOBEX, 10_000).code()).isEqualTo(200);

        // when: acme's lookup-only key asks for both
        HttpResponse<String> acmes = lookupOk("tx-acme-5", ACME_AUDIT, 10_000);
        HttpClientResponseException globexs = refusedLookup("tx-globex-5", ACME_AUDIT, 0);

        // then
        assertThat(acmes.code()).isEqualTo(200);
        assertThat(acmes.body()).startsWith("{\"transactionId\":\"tx-acme-5\",\"cardId\":\"card-1\"");
        assertNotDecided(globexs, "tx-globex-5");
    }

    @Test
    void anotherProducersDecisionAnswersExactlyAsAnUnknownTransactionWhenTheWaitEnds() throws Exception {
        // given
        decide(decision("tx-acme-2"), post("tx-acme-2", ACME));
        assertThat(lookupOk("tx-acme-2", ACME, 10_000).code()).isEqualTo(200);

        // when
        HttpClientResponseException other = refusedLookup("tx-acme-2", GLOBEX, 300);
        HttpClientResponseException unknown = refusedLookup("tx-nowhere", GLOBEX, 300);

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
        decide(decision("tx-acme-3"), acmes);

        // then
        assertThat(acmeWaiting.get()).isEqualTo(200);
        assertThat(globexWaiting.get()).isEqualTo(404);
    }

    @Test
    void aDecisionOnATransactionThatNamesNoProducerIsAnsweredToNone() throws Exception {
        // given: a transaction that did not come through the gateway (loaded straight onto Kafka), then one of
        // acme's on the same card: once acme's is answered, the tail has read the first
        decide(decision("tx-direct"), new RecordHeaders());
        decide(decision("tx-acme-4"), post("tx-acme-4", ACME));
        assertThat(lookupOk("tx-acme-4", ACME, 10_000).code()).isEqualTo(200);

        // when
        HttpClientResponseException acme = refusedLookup("tx-direct", ACME, 0);
        HttpClientResponseException globex = refusedLookup("tx-direct", GLOBEX, 0);

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
        var accepted = http.toBlocking().exchange(HttpRequest.POST("/v1/transactions",
                        RequestBodies.valid(transactionId))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.AUTHORIZATION, authorization),
                String.class);
        assertThat(accepted.code()).isEqualTo(202);
        return publishedTransactions().stream()
                .filter(record -> record.value().startsWith("{\"transactionId\":\"" + transactionId + "\","))
                .map(ConsumerRecord::headers).findFirst().orElseThrow();
    }

    private HttpResponse<String> lookupOk(String transactionId, String authorization, long waitMs) {
        return http.toBlocking().exchange(lookup(transactionId, authorization, waitMs), String.class);
    }

    private HttpClientResponseException refusedLookup(String transactionId, String authorization, long waitMs) {
        return refused(lookup(transactionId, authorization, waitMs));
    }

    private int status(String transactionId, String authorization, long waitMs) {
        return status(lookup(transactionId, authorization, waitMs));
    }
}
