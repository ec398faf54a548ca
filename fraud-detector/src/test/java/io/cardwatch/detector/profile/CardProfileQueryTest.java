package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardwatch.detector.DetectorTestServers;
import io.cardwatch.embedded.FreePorts;
import io.cardwatch.events.JsonSerde;
import io.cardwatch.events.Label;
import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code GET /cards/{cardId}/profile} on two detector instances of one application sharing a real broker: each
 * card's profile lives on one of them, and either answers for every card to a caller with a query token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardProfileQueryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);
    /** On partitions 2, 1, 1 and 0 of the three of {@code transactions}, so that both instances hold some. */
    private static final List<String> CARDS = List.of("card-1", "card-2", "card-3", "card-8");
    private static final String APPLICATION_ID = "cardwatch-fraud-detector";
    /** The detector's defaults: habits halve in 30 days, recent transactions kept 25 h, IDs 7 days. */
    private static final ProfileSettings SETTINGS = new ProfileSettings(Duration.ofDays(30), Duration.ofHours(25),
            Duration.ofDays(7));
    /** Both instances accept two tokens, as during a rotation; queries are sent with the newer one. */
    private static final String TOKENS = "token-current,token-next";
    private static final String TOKEN = "token-next";
    private static final String EIGHT_PROFILE = profile("query-tx-7", "query-tx-8", "card-8", "25.00", "75.00");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DetectorTestServers servers;
    private Detector first;
    private Detector second;

    @BeforeAll
    void startTwoInstances() throws Exception {
        servers = DetectorTestServers.start("profile-query");
        // Started together, they join the consumer group in one rebalance rather than two.
        var starting = Stream.of("first", "second")
                .map(name -> CompletableFuture.supplyAsync(() -> Detector.start(servers, name)))
                .toList();
        first = starting.get(0).join();
        second = starting.get(1).join();
        awaitEachHoldsPartitions();
    }

    @AfterAll
    void stopInstances() {
        try {
            Stream.of(first, second).filter(detector -> detector != null).forEach(Detector::close);
        } finally {
            servers.close();
        }
    }

    @Test
    @Order(1)
    void bothInstancesAnswerTheSameExactProfileOfEveryCardWhicheverHoldsIt() throws Exception {
        publish(purchase("query-tx-1", "card-1", "40.00", HOUR),
                purchase("query-tx-2", "card-1", "60.00", HOUR.plusSeconds(1)),
                purchase("query-tx-3", "card-2", "12.50", HOUR),
                purchase("query-tx-4", "card-2", "7.50", HOUR.plusSeconds(1)),
                purchase("query-tx-5", "card-3", "100.00", HOUR),
                purchase("query-tx-6", "card-3", "300.00", HOUR.plusSeconds(1)),
                purchase("query-tx-7", "card-8", "25.00", HOUR),
                purchase("query-tx-8", "card-8", "75.00", HOUR.plusSeconds(1)));
        Map<String, String> expected = Map.of(
                "card-1", profile("query-tx-1", "query-tx-2", "card-1", "40.00", "60.00"),
                "card-2", profile("query-tx-3", "query-tx-4", "card-2", "12.50", "7.50"),
                "card-3", profile("query-tx-5", "query-tx-6", "card-3", "100.00", "300.00"),
                "card-8", EIGHT_PROFILE);

        Map<String, HttpResponse<String>> fromFirst = new HashMap<>();
        Map<String, HttpResponse<String>> fromSecond = new HashMap<>();
        for (String card : CARDS) {
            fromFirst.put(card, awaitProfile(first, card, expected.get(card)));
            fromSecond.put(card, awaitProfile(second, card, expected.get(card)));
        }

        assertThat(CARDS.stream().map(this::holder).collect(Collectors.toSet()))
                .as("cards held by each instance").isEqualTo(Set.of(first.host(), second.host()));
        for (String card : CARDS) {
            for (HttpResponse<String> response : List.of(fromFirst.get(card), fromSecond.get(card))) {
                assertThat(response.statusCode()).as(card).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(card).hasValue("application/json");
                assertThat(response.body()).as(card).isEqualTo(expected.get(card));
            }
        }
    }

    @Test
    @Order(2)
    void bothInstancesAnswerTheMarkOfACardAnAnalystConfirmedAsFraud() throws Exception {
        // given
        Label fraud = new Label("query-tx-6", "card-3", Label.Verdict.FRAUD, "alice", HOUR.plusSeconds(1),
                HOUR.plusSeconds(60));
        String expected = json(profileOf("query-tx-5", "query-tx-6", "card-3", "100.00", "300.00").withLabel(fraud));

        // when
        publish(fraud);

        // then
        for (Detector detector : List.of(first, second)) {
            HttpResponse<String> response = awaitProfile(detector, "card-3", expected);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"mark\":{\"transactionId\":\"query-tx-6\",\"eventTime\":\""
                    + HOUR.plusSeconds(1) + "\",\"labelledAt\":\"" + HOUR.plusSeconds(60) + "\",\"analyst\":\"alice\"}");
        }
    }

    @Test
    @Order(3)
    void bothInstancesAnswerNotFoundAsProblemDetailsForACardNeverScored() throws Exception {
        for (Detector detector : List.of(first, second)) {
            HttpResponse<String> response = get(detector, "card-never-scored", false);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"No profile for card card-never-scored: it has not been scored\"}");
        }
    }

    @Test
    @Order(3)
    void bothInstancesRefuseAQueryWithoutATokenOrWithAnUnknownOneAsProblemDetails() throws Exception {
        for (Detector detector : List.of(first, second)) {
            for (boolean forwarded : List.of(false, true)) {
                assertUnauthorized(get(detector, "card-1", forwarded, null),
                        "A query token is required: Authorization: Bearer <token>");
                assertUnauthorized(get(detector, "card-1", forwarded, "token-previous"), "Unknown query token");
            }
        }
    }

    @Test
    @Order(3)
    void bothInstancesAnswerHealthWithoutAToken() throws Exception {
        for (Detector detector : List.of(first, second)) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + detector.endpoint() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void aForwardedQueryReachingAnInstanceTheCardHasMovedAwayFromIsUnavailableNotNotFound() throws Exception {
        Detector holder = holderOf("card-1");
        Detector other = holder == first ? second : first;

        HttpResponse<String> response = get(other, "card-1", true);

        assertUnavailable(response, "The card is held by " + holder.endpoint() + ", not by " + other.endpoint()
                + ": its partition moved (rebalancing)");
    }

    @Test
    @Order(5)
    void aStoppedInstanceLeavesTheGroupAtOnceAndTheOtherAnswersForItsCards() throws Exception {
        // given
        Detector holder = holderOf("card-8");
        Detector other = holder == first ? second : first;

        // when
        holder.close();

        // then: without leaving, it would stay a member, its cards unscored, until the session times out (45 s)
        assertThat(groupMembers()).isEqualTo(consumersOf(other));
        HttpResponse<String> response = awaitProfile(other, "card-8", EIGHT_PROFILE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(EIGHT_PROFILE);
    }

    private Set<String> groupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.broker().bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(APPLICATION_ID)).all().get().get(APPLICATION_ID).members()
                    .stream().map(MemberDescription::clientId).collect(Collectors.toSet());
        }
    }

    /** The client IDs of the consumers of an instance's stream threads. */
    private static Set<String> consumersOf(Detector detector) {
        return detector.streams().metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId)
                .collect(Collectors.toSet());
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"" + detail + "\"}");
    }

    private static void assertUnavailable(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"" + detail + "\"}");
    }

    private HostInfo holder(String card) {
        return first.streams().queryMetadataForKey(CardProfile.STORE, card, Serdes.String().serializer()).activeHost();
    }

    private Detector holderOf(String card) {
        return holder(card).equals(first.host()) ? first : second;
    }

    /** Waits until both instances agree that each holds at least one partition of the profiles. */
    private void awaitEachHoldsPartitions() {
        await("the two instances sharing the partitions").atMost(PATIENCE)
                .until(() -> holdsPartitions(first) && holdsPartitions(second));
    }

    private boolean holdsPartitions(Detector viewer) {
        if (viewer.streams().state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        var holders = viewer.streams().streamsMetadataForStore(CardProfile.STORE);
        return holders.stream().noneMatch(metadata -> metadata.topicPartitions().isEmpty())
                && holders.stream().map(StreamsMetadata::hostInfo).collect(Collectors.toSet())
                .equals(Set.of(first.host(), second.host()));
    }

    private HttpResponse<String> awaitProfile(Detector detector, String card, String expected) {
        return await().atMost(PATIENCE).until(() -> get(detector, card, false),
                response -> expected.equals(response.body()));
    }

    private HttpResponse<String> get(Detector detector, String card, boolean forwarded) throws Exception {
        return get(detector, card, forwarded, TOKEN);
    }

    private HttpResponse<String> get(Detector detector, String card, boolean forwarded, String token)
            throws Exception {
        URI uri = URI.create("http://" + detector.endpoint() + "/cards/" + card + "/profile"
                + (forwarded ? "?local=true" : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void publish(Label label) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, Topics.LABELS.keySerde().serializer(),
                Topics.LABELS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.LABELS.name(), label.transactionId(), label)).get();
        }
    }

    private void publish(Transaction... transactions) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.broker().bootstrapServers());
        try (var producer = new KafkaProducer<>(config, Topics.TRANSACTIONS.keySerde().serializer(),
                Topics.TRANSACTIONS.valueSerde().serializer())) {
            for (Transaction transaction : transactions) {
                producer.send(new ProducerRecord<>(Topics.TRANSACTIONS.name(), transaction.cardId(), transaction))
                        .get();
            }
        }
    }

    private static Transaction purchase(String id, String card, String amount, Instant time) {
        return new Transaction(id, card, new BigDecimal(amount), "EUR", "m-1", "5411", "DE", 52.52, 13.405, time);
    }

    /**
     * The profile, as the endpoint writes it, of a card with two purchases in Berlin in this hour, one second
     * apart: what the scoring function leaves (neither purchase raises an alert).
     */
    private static String profile(String firstId, String secondId, String card, String first, String second) {
        return json(profileOf(firstId, secondId, card, first, second));
    }

    private static CardProfile profileOf(String firstId, String secondId, String card, String first, String second) {
        return CardProfile.empty(card)
                .with(purchase(firstId, card, first, HOUR), SETTINGS)
                .with(purchase(secondId, card, second, HOUR.plusSeconds(1)), SETTINGS);
    }

    /** The profile as the endpoint writes it. */
    private static String json(CardProfile profile) {
        return new String(new JsonSerde<>(CardProfile.class).serialize(CardProfile.STORE, profile),
                StandardCharsets.UTF_8);
    }

    /** One detector instance: its application context, with the HTTP server it advertises. */
    private record Detector(EmbeddedServer server, int port) implements AutoCloseable {

        static Detector start(DetectorTestServers servers, String name) {
            int port = FreePorts.pick();
            Map<String, Object> properties = new HashMap<>(servers.instanceProperties(name, port));
            properties.put("cardwatch.query.tokens", TOKENS);
            return new Detector(ApplicationContext.run(EmbeddedServer.class, properties, "test"), port);
        }

        KafkaStreams streams() {
            return server.getApplicationContext().getBean(KafkaStreams.class);
        }

        HostInfo host() {
            return new HostInfo("127.0.0.1", port);
        }

        String endpoint() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() {
            server.getApplicationContext().close();
        }
    }
}
