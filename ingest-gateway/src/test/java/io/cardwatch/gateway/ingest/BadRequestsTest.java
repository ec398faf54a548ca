package io.cardwatch.gateway.ingest;

import static io.cardwatch.gateway.RequestBodies.valid;
import static io.cardwatch.gateway.RequestBodies.with;
import static io.cardwatch.gateway.RequestBodies.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.embedded.FreePorts;
import io.cardwatch.gateway.GatewayTest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests (malformed, mistyped, out of bounds, odd unicode, wrong media type, too large, without a
 * valid key), each answered with the right 4xx as problem+json naming the bad members, before anything reaches
 * Kafka.
 */
@MicronautTest
class BadRequestsTest extends GatewayTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String ACQUIRER = "Bearer key-acquirer";

    private final String nowhere = "127.0.0.1:" + FreePorts.pick();

    @Override
    protected Map<String, String> overrides() {
        return merged(Map.of("micronaut.server.max-request-size", "8KB",
                        "cardwatch.auth.producers.authorizer.write", "false"),
                producer("acquirer", "key-acquirer"), producer("authorizer", "key-authorizer"));
    }

    /**
     * Where no broker listens: every request here must be refused before the gateway publishes, and one that got
     * as far as Kafka would be answered 503 once the producer gave up, not the 4xx its row expects.
     */
    @Override
    protected String bootstrapServers() {
        return nowhere;
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // Not JSON, or not one JSON object
                bad("truncated object", "{\"transactionId\": \"tx-2\", ", 400),
                bad("empty body", "", 400),
                bad("plain text", "not json", 400),
                bad("JSON null", "null", 400),
                bad("JSON array", "[]", 400),
                bad("JSON string", "\"tx-1\"", 400),
                bad("JSON number", "42", 400),
                bad("trailing garbage", valid("tx-1") + "x", 400),
                bad("two objects", valid("tx-1") + valid("tx-2"), 400),
                bad("member given twice", valid("tx-1").replace("{", "{\"cardId\":\"card-2\","), 400),
                bad("single quotes", valid("tx-1").replace('"', '\''), 400),
                bad("comment", "/* hi */" + valid("tx-1"), 400),
                bad("NaN latitude", with("latitude", "NaN"), 400),
                bad("unknown member", with("cvv", "\"123\""), 400, "#/cvv"),
                // Missing members
                bad("no transactionId", without("transactionId"), 400, "#/transactionId"),
                bad("no cardId", without("cardId"), 400, "#/cardId"),
                bad("no amount", without("amount"), 400, "#/amount"),
                bad("no currency", without("currency"), 400, "#/currency"),
                bad("no merchantId", without("merchantId"), 400, "#/merchantId"),
                bad("no merchantCategory", without("merchantCategory"), 400, "#/merchantCategory"),
                bad("no country", without("country"), 400, "#/country"),
                bad("no latitude", without("latitude"), 400, "#/latitude"),
                bad("no longitude", without("longitude"), 400, "#/longitude"),
                bad("no eventTime", without("eventTime"), 400, "#/eventTime"),
                bad("null currency", with("currency", "null"), 400, "#/currency"),
                bad("empty object", "{}", 400, "#/amount", "#/cardId", "#/country", "#/currency", "#/eventTime",
                        "#/latitude", "#/longitude", "#/merchantCategory", "#/merchantId", "#/transactionId"),
                // Wrong types
                bad("amount as string", with("amount", "\"12.50\""), 400, "#/amount"),
                bad("amount as boolean", with("amount", "true"), 400, "#/amount"),
                bad("amount as object", with("amount", "{\"value\":12.5}"), 400, "#/amount"),
                bad("latitude as string", with("latitude", "\"52.52\""), 400, "#/latitude"),
                bad("transactionId as number", with("transactionId", "12345"), 400, "#/transactionId"),
                bad("cardId as array", with("cardId", "[\"card-1\"]"), 400, "#/cardId"),
                bad("eventTime as epoch seconds", with("eventTime", "1795342530"), 400, "#/eventTime"),
                bad("eventTime in words", with("eventTime", "\"yesterday\""), 400, "#/eventTime"),
                bad("eventTime without offset", with("eventTime", "\"2026-11-22T10:15:30\""), 400, "#/eventTime"),
                // Boundary values
                bad("zero amount", with("amount", "0"), 400, "#/amount"),
                bad("negative amount", with("amount", "-0.01"), 400, "#/amount"),
                bad("cents of a cent in EUR", with("amount", "12.345"), 400, "#/amount"),
                bad("decimals in JPY", with("amount", "1.5").replace("EUR", "JPY"), 400, "#/amount"),
                bad("amount over 13 digits", with("amount", "12345678901234"), 400, "#/amount"),
                bad("latitude over 90", with("latitude", "90.0001"), 400, "#/latitude"),
                bad("latitude under -90", with("latitude", "-90.5"), 400, "#/latitude"),
                bad("longitude over 180", with("longitude", "180.01"), 400, "#/longitude"),
                bad("longitude under -180", with("longitude", "-181"), 400, "#/longitude"),
                bad("eventTime far in the future", with("eventTime", "\"2999-01-01T00:00:00Z\""), 400,
                        "#/eventTime"),
                bad("lower-case currency", with("currency", "\"eur\""), 400, "#/currency"),
                bad("unknown currency", with("currency", "\"XYZ\""), 400, "#/currency"),
                bad("unknown country", with("country", "\"XX\""), 400, "#/country"),
                bad("alpha-3 country", with("country", "\"DEU\""), 400, "#/country"),
                bad("short merchant category", with("merchantCategory", "\"541\""), 400, "#/merchantCategory"),
                bad("empty transactionId", with("transactionId", "\"\""), 400, "#/transactionId",
                        "#/transactionId"),
                bad("65-character transactionId", with("transactionId", "\"" + "t".repeat(65) + "\""), 400,
                        "#/transactionId"),
                bad("space in cardId", with("cardId", "\"card 1\""), 400, "#/cardId"),
                // Unicode oddities
                bad("Cyrillic look-alike in transactionId", with("transactionId", "\"t\u0445-1\""), 400,
                        "#/transactionId"),
                bad("zero-width space in cardId", with("cardId", "\"card\u200b1\""), 400, "#/cardId"),
                bad("emoji in merchantId", with("merchantId", "\"m-\uD83D\uDCB3\""), 400, "#/merchantId"),
                bad("escaped lone surrogate in transactionId", with("transactionId", "\"tx-\\ud800\""), 400,
                        "#/transactionId"),
                bad("escaped NUL in cardId", with("cardId", "\"card-\\u0000\""), 400, "#/cardId"),
                bad("full-width digits in merchantCategory", with("merchantCategory", "\"\uFF15\uFF14\uFF11\uFF11\""),
                        400, "#/merchantCategory"),
                // Channel: optional, but only as the contract spells it
                badChannel("lower-case channel", "\"ecommerce\"", invalidChannel()),
                badChannel("mixed-case channel", "\"Card_Present\"", invalidChannel()),
                badChannel("unknown channel", "\"CONTACTLESS\"", invalidChannel()),
                badChannel("empty channel", "\"\"", invalidChannel()),
                badChannel("channel padded with a space", "\" ATM\"", invalidChannel()),
                badChannel("channel as enum ordinal", "1", unreadableChannel(
                        "Cannot coerce Integer value (1) to `java.lang.String` value (but could if coercion was "
                                + "enabled using `CoercionConfig`)")),
                badChannel("channel as array", "[\"ECOMMERCE\"]", unreadableChannel(
                        "Cannot deserialize value of type `java.lang.String` from Array value (token "
                                + "`JsonToken.START_ARRAY`)")),
                badBytes("invalid UTF-8", JSON, invalidUtf8(), 400, "#/eventTime"),
                // Media type, size and method
                badBytes("text/plain", "text/plain", bytes(valid("tx-1")), 415),
                badBytes("application/xml", "application/xml", bytes("<transaction/>"), 415),
                badBytes("body over the size limit", JSON, bytes(with("merchantId", "\"" + "m".repeat(9000) + "\"")),
                        413),
                // Credentials
                unauthorized("no API key", null, 401),
                unauthorized("unknown API key", "Bearer key-guessed", 401),
                unauthorized("basic credentials", "Basic YWNxdWlyZXI6a2V5", 401),
                unauthorized("empty bearer token", "Bearer ", 401),
                unauthorized("read-only key posting", "Bearer key-authorizer", 403));
    }

    /** Every row names the bad members; rows with a {@code problem} also pin the whole problem document. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesWithProblemJsonNamingTheBadMembersBeforeKafka(String name, String authorization,
                                                              String contentType, byte[] body, int status,
                                                              List<String> pointers, String problem) {
        var request = HttpRequest.POST("/v1/transactions", body).contentType(contentType);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }

        var error = refused(request);

        assertThat(error.code()).as(body(error)).isEqualTo(status);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo(PROBLEM));
        assertThat(body(error)).contains("\"status\":" + status, "\"instance\":\"/v1/transactions\"");
        assertThat(pointers(body(error))).as(body(error)).isEqualTo(pointers);
        if (problem != null) {
            assertThat(body(error)).isEqualTo(problem);
        }
    }

    @Test
    void refusesAnotherHttpMethodOnTheIngestPath() {
        var error = refused(HttpRequest.create(HttpMethod.PUT, "/v1/transactions").body(valid("tx-1"))
                .contentType(JSON).header(HttpHeaders.AUTHORIZATION, ACQUIRER));

        assertThat(error.code()).isEqualTo(405);
        assertThat(error.getResponse().getContentType()).hasValueSatisfying(
                type -> assertThat(type.toString()).isEqualTo(PROBLEM));
    }

    private static Arguments bad(String name, String body, int status, String... pointers) {
        return badBytes(name, JSON, bytes(body), status, pointers);
    }

    private static Arguments badBytes(String name, String contentType, byte[] body, int status, String... pointers) {
        return Arguments.of(name, ACQUIRER, contentType, body, status, List.of(pointers), null);
    }

    /** The valid transaction with the raw JSON {@code channel}, refused with exactly {@code problem}. */
    private static Arguments badChannel(String name, String rawJsonChannel, String problem) {
        return Arguments.of(name, ACQUIRER, JSON, bytes(with("channel", rawJsonChannel)), 400, List.of("#/channel"),
                problem);
    }

    private static String invalidChannel() {
        return "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"1 invalid field(s) in the request\",\"instance\":\"/v1/transactions\","
                + "\"errors\":[{\"pointer\":\"#/channel\","
                + "\"detail\":\"must be one of CARD_PRESENT, ECOMMERCE, ATM, MAIL_PHONE\"}]}";
    }

    /** A channel of the wrong JSON type: the reader's message, which the overall detail prefixes as for any member. */
    private static String unreadableChannel(String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Failed to convert argument [request] for value [null] due to: " + detail + "\","
                + "\"instance\":\"/v1/transactions\","
                + "\"errors\":[{\"pointer\":\"#/channel\",\"detail\":\"" + detail + "\"}]}";
    }

    private static Arguments unauthorized(String name, String authorization, int status) {
        return Arguments.of(name, authorization, JSON, bytes(valid("tx-1")), status, List.of(), null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        byte[] body = bytes(valid("tx-1"));
        body[body.length - 5] = (byte) 0xC3;
        body[body.length - 4] = (byte) 0x28;
        return body;
    }

    private static List<String> pointers(String problem) {
        return java.util.regex.Pattern.compile("\"pointer\":\"([^\"]*)\"").matcher(problem).results()
                .map(match -> match.group(1)).toList();
    }
}
