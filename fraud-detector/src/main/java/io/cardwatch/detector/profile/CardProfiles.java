package io.cardwatch.detector.profile;

import io.cardwatch.events.JsonSerde;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
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
 * Without {@code application.server} there is one instance, which holds every card.
 */
@Singleton
class CardProfiles {

    private static final JsonSerde<CardProfile> JSON = new JsonSerde<>(CardProfile.class);

    private final KafkaStreams streams;
    private final DetectorInstances instances;
    private final HostInfo self;

    CardProfiles(KafkaStreams streams, DetectorInstances instances,
                 @Nullable @Value("${kafka.streams.default.application.server:}") String applicationServer) {
        this.streams = streams;
        this.instances = instances;
        this.self = applicationServer == null || applicationServer.isBlank() ? null
                : HostInfo.buildFromEndpoint(applicationServer);
    }

    /**
     * The profile as JSON, or nothing when the card has never been scored. {@code authorization} is the caller's
     * credential, passed on when another instance holds the card.
     */
    Optional<String> find(String cardId, String authorization) {
        if (self == null) {
            return readAll(cardId);
        }
        KeyQueryMetadata owner = ownerOf(cardId);
        return owner.activeHost().equals(self) ? readOwned(cardId, owner)
                : forward(owner.activeHost(), cardId, authorization);
    }

    /**
     * The profile for a query another instance forwarded here, never forwarded again: when the card has moved
     * since the other instance looked (a rebalance), saying it was not found would be wrong.
     */
    Optional<String> findForwarded(String cardId) {
        if (self == null) {
            return readAll(cardId);
        }
        KeyQueryMetadata owner = ownerOf(cardId);
        if (!owner.activeHost().equals(self)) {
            throw new ProfileUnavailableException("The card is held by " + endpoint(owner.activeHost())
                    + ", not by " + endpoint(self) + ": its partition moved (rebalancing)");
        }
        return readOwned(cardId, owner);
    }

    private KeyQueryMetadata ownerOf(String cardId) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(CardProfile.STORE, cardId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new ProfileUnavailableException("Kafka Streams is not running here: " + e.getMessage(), e);
        }
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || owner.activeHost().equals(HostInfo.unavailable())) {
            throw new ProfileUnavailableException("No instance holds the card yet (rebalancing)");
        }
        return owner;
    }

    private Optional<String> readAll(String cardId) {
        return read(cardId, StoreQueryParameters.fromNameAndType(CardProfile.STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    // Only the card's own partition: a task restoring or just moved away fails rather than answers not found.
    private Optional<String> readOwned(String cardId, KeyQueryMetadata owner) {
        return read(cardId, StoreQueryParameters.<ReadOnlyKeyValueStore<String, CardProfile>>fromNameAndType(
                CardProfile.STORE, QueryableStoreTypes.keyValueStore()).withPartition(owner.partition()));
    }

    private Optional<String> read(String cardId,
                                  StoreQueryParameters<ReadOnlyKeyValueStore<String, CardProfile>> query) {
        return Optional.ofNullable(streams.store(query).get(cardId))
                .map(profile -> new String(JSON.serialize(CardProfile.STORE, profile), StandardCharsets.UTF_8));
    }

    private Optional<String> forward(HostInfo host, String cardId, String authorization) {
        HttpResponse<String> response;
        try {
            response = instances.profile("http://" + endpoint(host), cardId, authorization);
        } catch (HttpClientResponseException e) {
            throw answered(host, e.getResponse().code());
        } catch (HttpClientException e) {
            throw new ProfileUnavailableException("Instance " + endpoint(host) + " holding the card did not answer",
                    e);
        }
        return switch (response.code()) {
            case 200 -> response.getBody();
            case 404 -> Optional.empty();
            default -> throw answered(host, response.code());
        };
    }

    private static ProfileUnavailableException answered(HostInfo host, int status) {
        return new ProfileUnavailableException("Instance " + endpoint(host) + " holding the card answered " + status);
    }

    private static String endpoint(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
