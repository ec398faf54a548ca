package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardwatch.detector.DetectorTestServers;
import io.cardwatch.embedded.FreePorts;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /cards/{cardId}/profile} on a detector running on a real servers.broker(). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardProfileQueryTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private DetectorTestServers servers;
    private int port;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        port = FreePorts.pick();
        servers = DetectorTestServers.start("profile-query");
        return servers.properties(Map.of("micronaut.server.port", Integer.toString(port),
                "kafka.streams.default.application.server", "127.0.0.1:" + port));
    }

    @AfterAll
    void stopServers() {
        context.close();
        servers.close();
    }

    @Test
    void answersTheLiveProfileOfAScoredCard() throws Exception {
        Instant time = Instant.now().truncatedTo(ChronoUnit.HOURS);
        publish(new Transaction("profile-tx-1", "card-p", new BigDecimal("40.00"), "EUR", "m-1", "5411", "DE", 52.52,
                13.405, time));

        HttpResponse<String> response = awaitProfile("card-p");

        int hour = time.atZone(ZoneOffset.UTC).getHour();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"cardId\":\"card-p\",\"count\":1,\"amounts\":{\"EUR\":{\"count\":1,"
                + "\"mean\":40.0,\"sumOfSquaredDeviations\":0.0}},\"lastEventTime\":\"" + time + "\","
                + "\"lastLatitude\":52.52,\"lastLongitude\":13.405,\"lastCountry\":\"DE\",\"countries\":[\"DE\"],"
                + "\"merchantCategories\":[\"5411\"],\"transactionsByHour\":" + byHour(hour) + ",\"typicalHour\":"
                + hour + "}");
    }

    @Test
    void answersNotFoundAsProblemDetailsForACardNeverScored() throws Exception {
        HttpResponse<String> response = get("card-unknown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No profile for card card-unknown: it has not been scored\"}");
    }

    private HttpResponse<String> awaitProfile(String cardId) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> response = get(cardId);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = get(cardId);
        }
        return response;
    }

    private HttpResponse<String> get(String cardId) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/cards/" + cardId + "/profile");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void publish(Transaction transaction) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, Topics.TRANSACTIONS.keySerde().serializer(),
                Topics.TRANSACTIONS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), transaction.cardId(), transaction)).get();
        }
    }

    private static String byHour(int hour) {
        StringBuilder counts = new StringBuilder("[");
        for (int h = 0; h < 24; h++) {
            counts.append(h == 0 ? "" : ",").append(h == hour ? 1 : 0);
        }
        return counts.append(']').toString();
    }
}
