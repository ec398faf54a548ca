package io.cardwatch.detector.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /cards/{cardId}/profile}: the card's live profile, from whichever instance holds it. Errors are
 * RFC 9457 problem details.
 */
@Controller("/cards")
class ProfileController {

    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    /** A rebalance or a restarting instance usually settles within seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final CardProfiles profiles;
    private final ObjectMapper json;

    ProfileController(CardProfiles profiles, ObjectMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    /** {@code local=true} is set by an instance forwarding the query, so that it is never forwarded again. */
    @Get(uri = "/{cardId}/profile", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> profile(String cardId, @Nullable @QueryValue Boolean local) {
        var profile = Boolean.TRUE.equals(local) ? profiles.findForwarded(cardId) : profiles.find(cardId);
        return profile.<HttpResponse<?>>map(json -> HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No profile for card " + cardId
                        + ": it has not been scored"));
    }

    @Error(exception = ProfileUnavailableException.class)
    HttpResponse<?> unavailable(ProfileUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    @Error(exception = InvalidStateStoreException.class)
    HttpResponse<?> notReady(InvalidStateStoreException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Profiles are not queryable yet (rebalancing or restoring)")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private MutableHttpResponse<?> problem(HttpStatus status, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        try {
            return HttpResponse.status(status).contentType(PROBLEM_JSON).body(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem detail", e);
        }
    }
}
