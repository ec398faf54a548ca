package io.cardwatch.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.EventHeaders;
import io.cardwatch.events.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A producer mid-rotation: its current and its next key both post as that producer; any other key is refused. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationTest implements TestPropertyProvider {

    private KafkaBroker broker;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        broker = KafkaBroker.withCardwatchTopics();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "cardwatch.auth.producers.acquirer.api-key-sha256", Producers.sha256("key-of-2025"),
                "cardwatch.auth.producers.acquirer.next-api-key-sha256", Producers.sha256("key-of-2026"),
                "cardwatch.auth.producers.issuer.api-key-sha256", Producers.sha256("key-of-the-issuer"));
    }

    @AfterAll
    void stopBroker() {
        context.close();
        broker.close();
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
        var error = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(post("tx-other", "Bearer key-of-2024"), String.class));

        assertThat(error.code()).isEqualTo(401);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(error.getResponse().header(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(error.getResponse().getBody(String.class)).hasValue("{\"type\":\"about:blank\","
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
        return HttpRequest.POST("/v1/transactions", """
                        {"transactionId":"%s","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1",
                         "merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,
                         "eventTime":"2026-11-20T10:15:30Z"}""".formatted(transactionId))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.AUTHORIZATION, authorization);
    }

    /** The producer stamped on each published copy of the transaction. */
    private List<String> producerOf(String transactionId) {
        return TopicContents.readAll(broker.bootstrapServers(), Topics.TRANSACTIONS_NAME, new StringDeserializer(),
                        new StringDeserializer()).stream()
                .filter(record -> record.value().startsWith("{\"transactionId\":\"" + transactionId + "\","))
                .map(record -> new String(record.headers().lastHeader(EventHeaders.PRODUCER_ID).value(),
                        StandardCharsets.UTF_8))
                .toList();
    }
}
