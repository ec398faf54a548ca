package io.cardwatch.detector.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /cards/{cardId}/profile}: the card's live profile, from whichever instance holds it, for a caller
 * with a query token ({@link QueryTokenFilter}). Errors are RFC 9457 problem details.
 */
@Controller("/cards")
class ProfileController {

    /** A rebalance or a restarting instance usually settles within seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final CardProfiles profiles;
    private final Problems problems;

    ProfileController(CardProfiles profiles, Problems problems) {
        this.profiles = profiles;
        this.problems = problems;
    }

    /**
     * {@code local=true} is set by an instance forwarding the query, so that it is never forwarded again. A
     * forwarded query carries the caller's own credential, which {@link QueryTokenFilter} has accepted here.
     * Off the event loop: a forwarded query waits for the other instance's answer.
     */
    @Get(uri = "/{cardId}/profile", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> profile(String cardId, @Nullable @QueryValue Boolean local,
                            @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        var profile = Boolean.TRUE.equals(local) ? profiles.findForwarded(cardId)
                : profiles.find(cardId, authorization);
        return profile.<HttpResponse<?>>map(json -> HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(() -> problems.response(HttpStatus.NOT_FOUND, "No profile for card " + cardId
                        + ": it has not been scored"));
    }

    @Error(exception = ProfileUnavailableException.class)
    HttpResponse<?> unavailable(ProfileUnavailableException e) {
        return problems.response(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    @Error(exception = InvalidStateStoreException.class)
    HttpResponse<?> notReady(InvalidStateStoreException e) {
        return problems.response(HttpStatus.SERVICE_UNAVAILABLE,
                        "Profiles are not queryable yet (rebalancing or restoring)")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
