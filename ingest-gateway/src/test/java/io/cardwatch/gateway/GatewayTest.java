package io.cardwatch.gateway;

import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.TopicContents;
import io.cardwatch.events.Topics;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class's own gateway, on the broker every gateway test class shares: started by the first class that
 * asks for it, with every Cardwatch topic, and stopped when the test JVM exits. A class that must reach no
 * broker, or stops its own, names another address in {@link #bootstrapServers()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient http;

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(overrides());
        properties.put("kafka.bootstrap.servers", bootstrapServers());
        return properties;
    }

    /** This class's settings beyond the defaults. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    /** The Kafka the gateway publishes to and the test reads: the shared broker. */
    protected String bootstrapServers() {
        return SharedBroker.BROKER.bootstrapServers();
    }

    /** All of {@code settings} in one map, for {@link #overrides()}. */
    @SafeVarargs
    protected static Map<String, String> merged(Map<String, String>... settings) {
        Map<String, String> merged = new HashMap<>();
        for (Map<String, String> part : settings) {
            merged.putAll(part);
        }
        return merged;
    }

    /** The settings of a producer allowed to call with {@code apiKey}, as an operator writes them. */
    protected static Map<String, String> producer(String name, String apiKey) {
        return Map.of("cardwatch.auth.producers." + name + ".api-key-sha256", sha256(apiKey));
    }

    /** Every record on the transactions topic, as the JSON the gateway wrote. */
    protected List<ConsumerRecord<String, String>> publishedTransactions() {
        return TopicContents.readAll(bootstrapServers(), Topics.TRANSACTIONS_NAME, new StringDeserializer(),
                new StringDeserializer());
    }

    /** The status the gateway answers {@code request} with. */
    protected int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** The refusal of a request expected to be refused. */
    protected HttpClientResponseException refused(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            throw new AssertionError("Expected a refusal, got " + response.code() + " " + response.body());
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    protected static String body(HttpClientResponseException refusal) {
        return refusal.getResponse().getBody(String.class).orElse("");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Started on first use (the holder idiom), so a run of only brokerless classes starts none. */
    private static final class SharedBroker {

        static final KafkaBroker BROKER = start();

        private static KafkaBroker start() {
            KafkaBroker broker = KafkaBroker.withCardwatchTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "gateway-test-broker"));
            return broker;
        }
    }
}
