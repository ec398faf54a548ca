package io.cardwatch.detector.profile;

import io.cardwatch.events.JsonSerde;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds a card's live profile in the state store of whichever instance owns the card's partition: locally,
 * or by asking that instance over HTTP (instances advertise themselves with {@code application.server}).
 */
@Singleton
class CardProfiles {

    private static final JsonSerde<CardProfile> JSON = new JsonSerde<>(CardProfile.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    CardProfiles(KafkaStreams streams,
                 @Nullable @Value("${kafka.streams.default.application.server:}") String applicationServer) {
        this.streams = streams;
        this.self = applicationServer == null || applicationServer.isBlank() ? null
                : HostInfo.buildFromEndpoint(applicationServer);
    }

    /** The profile as JSON, or nothing when the card has never been scored. */
    Optional<String> find(String cardId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(CardProfile.STORE, cardId, Serdes.String().serializer());
        if (self == null || owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || owner.activeHost().equals(self)) {
            return findLocally(cardId);
        }
        return forward(owner.activeHost(), cardId);
    }

    /** The profile from this instance's own stores only. */
    Optional<String> findLocally(String cardId) {
        ReadOnlyKeyValueStore<String, CardProfile> store = streams.store(
                StoreQueryParameters.fromNameAndType(CardProfile.STORE, QueryableStoreTypes.keyValueStore()));
        return Optional.ofNullable(store.get(cardId))
                .map(profile -> new String(JSON.serialize(CardProfile.STORE, profile), StandardCharsets.UTF_8));
    }

    private Optional<String> forward(HostInfo host, String cardId) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/cards/"
                + URLEncoder.encode(cardId, StandardCharsets.UTF_8) + "/profile?local=true");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            throw new ProfileUnavailableException("Instance " + host + " owning card " + cardId + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfileUnavailableException("Interrupted while asking " + host + " for card " + cardId, e);
        }
    }
}
