package io.cardwatch.review.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The detector's profile query, served by the console under test itself: one card has a profile, answered only
 * with the detector's query token, as the detector does.
 */
@Requires(property = "cardwatch.test.stub-detector", value = "true")
@Controller("/cards")
@Secured(SecurityRule.IS_ANONYMOUS)
class StubDetector {

    static final String TOKEN = "stub-query-token";
    static final String PROFILE = "{\"cardId\":\"card-page\",\"count\":3,\"lastCountry\":\"DE\","
            + "\"countries\":[\"DE\"],\"recent\":[{\"transactionId\":\"tx-page-1\"}]}";

    @Get(uri = "/{cardId}/profile", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> profile(String cardId, @Nullable @Header("Authorization") String authorization) {
        if (!("Bearer " + TOKEN).equals(authorization)) {
            return HttpResponse.unauthorized();
        }
        return cardId.equals("card-page") ? HttpResponse.ok(PROFILE) : HttpResponse.notFound();
    }
}
