package io.cardwatch.detector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which callers {@link QueryTokenFilter} lets through to a card's profile, and how it refuses the others. */
class QueryTokenFilterTest {

    private static final HttpRequest<?> ANONYMOUS = HttpRequest.GET("/cards/card-1/profile");

    @Test
    void refusesEveryCallWhenNoTokenIsConfigured() {
        QueryTokenFilter filter = filter((List<String>) null);

        HttpResponse<?> refused = filter.authenticate(HttpRequest.GET("/cards/card-1/profile").bearerAuth("anything"));

        assertUnauthorized(refused, "This detector accepts no query token (cardwatch.query.tokens is empty): "
                + "profile queries are refused");
    }

    @Test
    void refusesAnEmptyBearerWhenTheConfiguredTokensAreBlank() {
        QueryTokenFilter filter = filter("", "  ");

        HttpResponse<?> refused = filter.authenticate(HttpRequest.GET("/cards/card-1/profile")
                .header("Authorization", "Bearer "));

        assertUnauthorized(refused, "This detector accepts no query token (cardwatch.query.tokens is empty): "
                + "profile queries are refused");
    }

    @Test
    void refusesACallWithoutABearerToken() {
        QueryTokenFilter filter = filter("token-current");

        assertUnauthorized(filter.authenticate(ANONYMOUS),
                "A query token is required: Authorization: Bearer <token>");
        assertUnauthorized(filter.authenticate(HttpRequest.GET("/cards/card-1/profile").basicAuth("console", "x")),
                "A query token is required: Authorization: Bearer <token>");
    }

    @Test
    void refusesAnUnknownToken() {
        QueryTokenFilter filter = filter("token-current", "token-next");

        HttpResponse<?> refused = filter.authenticate(HttpRequest.GET("/cards/card-1/profile")
                .bearerAuth("token-curren"));

        assertUnauthorized(refused, "Unknown query token");
    }

    @Test
    void letsEitherOfTwoTokensThroughWhileOneIsRotated() {
        QueryTokenFilter filter = filter("token-current", "token-next");

        assertThat(filter.authenticate(HttpRequest.GET("/cards/card-1/profile").bearerAuth("token-current")))
                .isNull();
        assertThat(filter.authenticate(HttpRequest.GET("/cards/card-1/profile").bearerAuth("token-next")))
                .isNull();
    }

    private static QueryTokenFilter filter(String... tokens) {
        return filter(Arrays.asList(tokens));
    }

    private static QueryTokenFilter filter(List<String> tokens) {
        return new QueryTokenFilter(new QueryConfiguration(tokens), new Problems(new ObjectMapper()));
    }

    private static void assertUnauthorized(HttpResponse<?> response, String detail) {
        assertThat(response).isNotNull();
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"" + detail + "\"}");
    }
}
