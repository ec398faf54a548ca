package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.FreePorts;
import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.embedded.TopicCreator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionIngestTest implements TestPropertyProvider {

    private static final String VALID = """
            {"transactionId":"tx-1","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1",
             "merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,
             "eventTime":"2026-11-22T10:15:30Z"}""";

    private KafkaBroker broker;

    @Inject
    ApplicationContext context;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        broker = KafkaBroker.start(Path.of("target", "kafka-" + System.nanoTime()), FreePorts.pick());
        TopicCreator.createAll(broker.bootstrapServers(), 3);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @AfterAll
    void stopBroker() {
        context.close();
        broker.close();
    }

    @Test
    void acceptsAValidTransactionOnlyAfterPublishingItKeyedByCard() {
        var response = http.toBlocking().exchange(post(VALID), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"transactionId\":\"tx-1\",\"status\":\"ACCEPTED\"}");
        List<ConsumerRecord<String, String>> published = transactions();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("card-1");
        assertThat(published.get(0).value()).isEqualTo(
                "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"amount\":12.50,\"currency\":\"EUR\","
                        + "\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\","
                        + "\"latitude\":52.52,\"longitude\":13.405,\"eventTime\":\"2026-11-22T10:15:30Z\"}");
    }

    @Test
    void answersAMalformedBodyWithProblemJsonAndPublishesNothing() {
        int before = transactions().size();

        var error = rejected(post("{\"transactionId\": \"tx-2\", "));

        assertThat(error.code()).isEqualTo(400);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(body(error)).contains("\"status\":400", "\"title\":\"Bad Request\"",
                "\"detail\":\"Invalid JSON: Unexpected end-of-input within/between Object entries\"",
                "\"instance\":\"/v1/transactions\"");
        assertThat(transactions()).hasSize(before);
    }

    @Test
    void namesEachInvalidFieldAndPublishesNothing() {
        int before = transactions().size();
        String invalid = VALID.replace("12.50", "-3").replace("\"EUR\"", "\"eur\"");

        var error = rejected(post(invalid));

        assertThat(error.code()).isEqualTo(400);
        assertThat(body(error)).contains("\"detail\":\"2 invalid field(s) in the request\"",
                "{\"pointer\":\"#/amount\",\"detail\":\"must be greater than 0\"}",
                "{\"pointer\":\"#/currency\",\"detail\":\"must match \\\"[A-Z]{3}\\\"\"}");
        assertThat(transactions()).hasSize(before);
    }

    private static HttpRequest<String> post(String json) {
        return HttpRequest.POST("/v1/transactions", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpClientResponseException rejected(HttpRequest<String> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("Expected the request to be rejected: " + request.getBody().orElse(null));
    }

    private static String body(HttpClientResponseException error) {
        return error.getResponse().getBody(String.class).orElse("");
    }

    private List<ConsumerRecord<String, String>> transactions() {
        return TopicContents.readAll(broker.bootstrapServers(), "transactions",
                new StringDeserializer(), new StringDeserializer());
    }
}
