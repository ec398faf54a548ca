package io.cardwatch.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.events.EventHeaders;
import io.cardwatch.gateway.GatewayTest;
import io.cardwatch.gateway.RequestBodies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A producer mid-rotation: its current and its next key both post as that producer; any other key is refused. */
@MicronautTest
class KeyRotationTest extends GatewayTest {

    @Override
    protected Map<String, String> overrides() {
        return merged(producer("acquirer", "key-of-2025"),
                Map.of("cardwatch.auth.producers.acquirer.next-api-key-sha256", Producers.sha256("key-of-2026")),
                producer("issuer", "key-of-the-issuer"));
    }

    @Test
    void acceptsTheCurrentKeyAsItsProducer() {
        var response = http.toBlocking().exchange(post("tx-current", "Bearer key-of-2025"), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(producerOf("tx-current")).containsExactly("acquirer");
    }

    @Test
    void acceptsTheNextKeyAsTheSameProducer() {
        var response = http.toBlocking().exchange(post("tx-next", "Bearer key-of-2026"), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(producerOf("tx-next")).containsExactly("acquirer");
    }

    @Test
    void refusesAnyOtherKeyWithProblemJson() {
        var error = refused(post("tx-other", "Bearer key-of-2024"));

        assertThat(error.code()).isEqualTo(401);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(error.getResponse().header(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(body(error)).isEqualTo("{\"type\":\"about:blank\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unknown API key\","
                + "\"instance\":\"/v1/transactions\"}");
        assertThat(producerOf("tx-other")).isEmpty();
    }

    @Test
    void keepsEachProducersKeysItsOwn() {
        var response = http.toBlocking().exchange(post("tx-issuer", "Bearer key-of-the-issuer"), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(producerOf("tx-issuer")).containsExactly("issuer");
    }

    private static HttpRequest<String> post(String transactionId, String authorization) {
        return HttpRequest.POST("/v1/transactions", RequestBodies.valid(transactionId))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorization);
    }

    /** The producer stamped on each published copy of the transaction. */
    private List<String> producerOf(String transactionId) {
        return publishedTransactions().stream()
                .filter(record -> record.value().startsWith("{\"transactionId\":\"" + transactionId + "\","))
                .map(record -> new String(record.headers().lastHeader(EventHeaders.PRODUCER_ID).value(),
                        StandardCharsets.UTF_8))
                .toList();
    }
}
