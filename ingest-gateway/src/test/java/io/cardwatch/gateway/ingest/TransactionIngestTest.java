package io.cardwatch.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Channel;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.cardwatch.gateway.GatewayTest;
import io.cardwatch.gateway.RequestBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

@MicronautTest
class TransactionIngestTest extends GatewayTest {

    private static final String VALID = """
            {"transactionId":"tx-1","cardId":"card-1","amount":12.50,"currency":"EUR","merchantId":"m-1",
             "merchantCategory":"5411","country":"DE","latitude":52.52,"longitude":13.405,
             "eventTime":"2026-11-20T10:15:30Z"}""";

    @Override
    protected Map<String, String> overrides() {
        return Map.of("cardwatch.ingest.max-batch-size", "3", "cardwatch.auth.enabled", "false");
    }

    @Test
    void acceptsAValidTransactionOnlyAfterPublishingItKeyedByCard() {
        var response = http.toBlocking().exchange(post(VALID), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"transactionId\":\"tx-1\",\"status\":\"ACCEPTED\"}");
        List<ConsumerRecord<String, String>> published = publishedTransactions().stream()
                .filter(record -> record.value().startsWith("{\"transactionId\":\"tx-1\","))
                .toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("card-1");
        assertThat(published.get(0).value()).isEqualTo(
                "{\"transactionId\":\"tx-1\",\"cardId\":\"card-1\",\"amount\":12.50,\"currency\":\"EUR\","
                        + "\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\","
                        + "\"latitude\":52.52,\"longitude\":13.405,\"eventTime\":\"2026-11-20T10:15:30Z\","
                        + "\"channel\":null}");
    }

    @ParameterizedTest(name = "channel {1} arrives as {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "tx-ch1 | \"ECOMMERCE\"    | ECOMMERCE",
            "tx-ch2 | \"CARD_PRESENT\" | CARD_PRESENT",
            "tx-ch3 | \"ATM\"          | ATM",
            "tx-ch4 | \"MAIL_PHONE\"   | MAIL_PHONE",
            "tx-ch5 | null             | none",
            "tx-ch6 | none             | none"})
    void publishesTheChannelTheProducerNamedAndNullWhenItNamedNone(String transactionId, String rawJsonChannel,
                                                                    Channel expected) {
        String body = rawJsonChannel == null ? RequestBodies.valid(transactionId)
                : RequestBodies.withChannel(transactionId, rawJsonChannel);

        var response = http.toBlocking().exchange(post(body), String.class);

        assertThat(response.code()).isEqualTo(202);
        assertThat(publishedEvents(transactionId)).containsExactly(new Transaction(transactionId, "card-1",
                new BigDecimal("12.50"), "EUR", "m-1", "5411", "DE", 52.52, 13.405,
                Instant.parse("2026-11-20T10:15:30Z"), expected));
    }

    @Test
    void answersAMalformedBodyWithProblemJsonAndPublishesNothing() {
        int before = publishedTransactions().size();

        var error = refused(post("{\"transactionId\": \"tx-2\", "));

        assertThat(error.code()).isEqualTo(400);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(body(error)).contains("\"status\":400", "\"title\":\"Bad Request\"",
                "\"detail\":\"Invalid JSON: Unexpected end-of-input within/between Object entries\"",
                "\"instance\":\"/v1/transactions\"");
        assertThat(publishedTransactions()).hasSize(before);
    }

    @Test
    void namesEachInvalidFieldAndPublishesNothing() {
        int before = publishedTransactions().size();
        String invalid = VALID.replace("12.50", "-3").replace("\"EUR\"", "\"eur\"");

        var error = refused(post(invalid));

        assertThat(error.code()).isEqualTo(400);
        assertThat(body(error)).contains("\"detail\":\"2 invalid field(s) in the request\"",
                "{\"pointer\":\"#/amount\",\"detail\":\"must be greater than 0\"}",
                "{\"pointer\":\"#/currency\",\"detail\":\"must be an ISO 4217 currency code\"}");
        assertThat(publishedTransactions()).hasSize(before);
    }

    @Test
    void answersAResendWithTheSameAcceptanceAndPublishesItOnce() {
        String transaction = RequestBodies.valid("tx-resent");

        var first = http.toBlocking().exchange(post(transaction), String.class);
        var second = http.toBlocking().exchange(post(transaction), String.class);

        assertThat(first.code()).isEqualTo(202);
        assertThat(second.code()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body())
                .isEqualTo("{\"transactionId\":\"tx-resent\",\"status\":\"ACCEPTED\"}");
        assertThat(publishedIds()).containsOnlyOnce("tx-resent");
    }

    @Test
    void refusesAReplayedTransactionIdWithOtherFactsAndPublishesNothingMore() {
        HttpResponse<String> first = http.toBlocking().exchange(post(RequestBodies.valid("tx-replayed")),
                String.class);
        int before = publishedTransactions().size();

        var error = refused(post(RequestBodies.valid("tx-replayed").replace("12.50", "9999.00")));

        assertThat(first.code()).isEqualTo(202);
        assertThat(error.code()).isEqualTo(409);
        assertThat(body(error)).contains(
                "\"detail\":\"Transaction tx-replayed was already accepted with different content\"");
        assertThat(publishedTransactions()).hasSize(before);
    }

    @Test
    void reportsEachEventOfABatchAndPublishesOnlyTheValidOnes() {
        String batch = "{\"transactions\":[" + RequestBodies.valid("tx-b1") + ","
                + RequestBodies.valid("tx-b2").replace("12.50", "-1") + "," + RequestBodies.valid("tx-b3") + "]}";

        var response = http.toBlocking().exchange(postBatch(batch), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"failedCount\":1,\"results\":["
                + "{\"transactionId\":\"tx-b1\",\"status\":\"ACCEPTED\"},"
                + "{\"transactionId\":\"tx-b2\",\"status\":\"REJECTED\",\"problem\":{\"type\":\"about:blank\","
                + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"1 invalid field(s) in the event\","
                + "\"instance\":\"/v1/transactions:batch#/transactions/1\","
                + "\"errors\":[{\"pointer\":\"#/amount\",\"detail\":\"must be greater than 0\"}]}},"
                + "{\"transactionId\":\"tx-b3\",\"status\":\"ACCEPTED\"}]}");
        assertThat(publishedIds()).containsOnlyOnce("tx-b1", "tx-b3").doesNotContain("tx-b2");
    }

    @Test
    void refusesMalformedEventsOfABatchOneByOne() {
        String batch = "{\"transactions\":[42," + RequestBodies.with("transactionId", "\"tx-b4\"")
                .replace("{", "{\"cvv\":\"123\",") + "," + RequestBodies.valid("tx-b5") + "]}";

        var response = http.toBlocking().exchange(postBatch(batch), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"failedCount\":2,\"results\":[{\"status\":\"REJECTED\"")
                .contains("{\"transactionId\":\"tx-b4\",\"status\":\"REJECTED\"",
                        "\"errors\":[{\"pointer\":\"#/cvv\"",
                        "{\"transactionId\":\"tx-b5\",\"status\":\"ACCEPTED\"}]}");
        assertThat(publishedIds()).containsOnlyOnce("tx-b5").doesNotContain("tx-b4");
    }

    @Test
    void refusesAnEventOfABatchWithAChannelOutsideTheContractNamingIt() {
        String batch = "{\"transactions\":["
                + RequestBodies.withChannel("tx-b12", "\"ECOMMERCE\"") + ","
                + RequestBodies.withChannel("tx-b13", "\"ecommerce\"") + ","
                + RequestBodies.withChannel("tx-b14", "2") + "]}";

        var response = http.toBlocking().exchange(postBatch(batch), String.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"failedCount\":2,\"results\":["
                + "{\"transactionId\":\"tx-b12\",\"status\":\"ACCEPTED\"},"
                + "{\"transactionId\":\"tx-b13\",\"status\":\"REJECTED\",\"problem\":{\"type\":\"about:blank\","
                + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"1 invalid field(s) in the event\","
                + "\"instance\":\"/v1/transactions:batch#/transactions/1\",\"errors\":[{\"pointer\":\"#/channel\","
                + "\"detail\":\"must be one of CARD_PRESENT, ECOMMERCE, ATM, MAIL_PHONE\"}]}},"
                + "{\"transactionId\":\"tx-b14\",\"status\":\"REJECTED\",\"problem\":{\"type\":\"about:blank\","
                + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Cannot coerce Integer value (2) to "
                + "`java.lang.String` value (but could if coercion was enabled using `CoercionConfig`)\","
                + "\"instance\":\"/v1/transactions:batch#/transactions/2\",\"errors\":[{\"pointer\":\"#/channel\","
                + "\"detail\":\"Cannot coerce Integer value (2) to `java.lang.String` value (but could if coercion "
                + "was enabled using `CoercionConfig`)\"}]}}]}");
        assertThat(publishedEvents("tx-b12")).extracting(Transaction::channel).containsExactly(Channel.ECOMMERCE);
        assertThat(publishedIds()).doesNotContain("tx-b13", "tx-b14");
    }

    @Test
    void answersAResentBatchTheSameWayAndPublishesNothingMore() {
        String batch = "{\"transactions\":[" + RequestBodies.valid("tx-b6") + "," + RequestBodies.valid("tx-b7") + "]}";
        var first = http.toBlocking().exchange(postBatch(batch), String.class);
        int published = publishedTransactions().size();

        var second = http.toBlocking().exchange(postBatch(batch), String.class);

        assertThat(second.body()).isEqualTo(first.body()).isEqualTo("{\"failedCount\":0,\"results\":["
                + "{\"transactionId\":\"tx-b6\",\"status\":\"ACCEPTED\"},"
                + "{\"transactionId\":\"tx-b7\",\"status\":\"ACCEPTED\"}]}");
        assertThat(publishedTransactions()).hasSize(published);
    }

    @Test
    void refusesABatchOverTheConfiguredSizeAsAWhole() {
        int before = publishedTransactions().size();
        String batch = "{\"transactions\":[" + RequestBodies.valid("tx-b8") + "," + RequestBodies.valid("tx-b9") + ","
                + RequestBodies.valid("tx-b10") + "," + RequestBodies.valid("tx-b11") + "]}";

        var error = refused(postBatch(batch));

        assertThat(error.code()).isEqualTo(400);
        assertThat(body(error)).contains("\"detail\":\"A batch holds at most 3 transactions, this one has 4\"");
        assertThat(publishedTransactions()).hasSize(before);
    }

    @Test
    void refusesAnEmptyBatchNamingTheMember() {
        var error = refused(postBatch("{\"transactions\":[]}"));

        assertThat(error.code()).isEqualTo(400);
        assertThat(body(error)).contains("{\"pointer\":\"#/transactions\",\"detail\":\"must not be empty\"}");
    }

    @Test
    void servesTheOpenApiSpecWithExamplesAndSwaggerUi() {
        var spec = http.toBlocking().exchange(HttpRequest.GET("/swagger/cardwatch-ingest-gateway-1.yml"), String.class);
        var ui = http.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);

        assertThat(spec.code()).isEqualTo(200);
        assertThat(spec.body()).contains("  /v1/transactions:\n", "  /v1/transactions:batch:\n",
                "  /v1/transactions/{transactionId}/decision:\n", "transaction:", "accepted:", "invalid:",
                "unavailable:", "batch:", "results:", "decision:");
        Map<String, Object> transaction = transactionSchema(spec.body());
        assertThat(transaction.get("required")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(10)
                .doesNotContain("channel");
        assertThat(transaction.get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("channel", Map.of("type", "string",
                        "description", "How the card took part, after the ISO 8583 point-of-service condition. "
                                + "Optional: absent or null means unknown",
                        "nullable", true,
                        "enum", List.of("CARD_PRESENT", "ECOMMERCE", "ATM", "MAIL_PHONE")));
        assertThat(ui.code()).isEqualTo(200);
        assertThat(ui.body()).contains("cardwatch-ingest-gateway-1.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> transactionSchema(String spec) {
        Map<String, Object> components = (Map<String, Object>) new Yaml().<Map<String, Object>>load(spec)
                .get("components");
        return (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("TransactionRequest");
    }

    private static HttpRequest<String> postBatch(String json) {
        return HttpRequest.POST("/v1/transactions:batch", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private List<String> publishedIds() {
        return publishedTransactions().stream()
                .map(record -> record.value().replaceAll("^\\{\"transactionId\":\"([^\"]*)\".*$", "$1"))
                .toList();
    }

    private List<Transaction> publishedEvents(String transactionId) {
        return TopicContents.readAll(bootstrapServers(), Topics.TRANSACTIONS_NAME, new StringDeserializer(),
                        Topics.TRANSACTIONS.valueSerde().deserializer()).stream()
                .map(ConsumerRecord::value)
                .filter(transaction -> transaction.transactionId().equals(transactionId))
                .toList();
    }

    private static HttpRequest<String> post(String json) {
        return HttpRequest.POST("/v1/transactions", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
