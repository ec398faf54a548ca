package io.cardwatch.detector.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * A card's profile (its places, countries and spending) is answered only to a caller with one of the query
 * tokens ({@code Authorization: Bearer <token>}): the review console, an operator, another detector instance
 * forwarding a query. Health and metrics stay open.
 */
@ServerFilter("/cards/**")
final class QueryTokenFilter {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> tokens;
    private final Problems problems;

    QueryTokenFilter(QueryConfiguration configuration, Problems problems) {
        // A blank entry (an unset variable) must never make an empty token acceptable.
        this.tokens = Optional.ofNullable(configuration.tokens()).orElse(List.of()).stream()
                .map(String::trim).filter(token -> !token.isEmpty())
                .map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (tokens.isEmpty()) {
            return refuse("This detector accepts no query token (cardwatch.query.tokens is empty): "
                    + "profile queries are refused");
        }
        Optional<String> token = request.getHeaders().getAuthorization()
                .filter(value -> value.startsWith(BEARER)).map(value -> value.substring(BEARER.length()).trim());
        if (token.isEmpty()) {
            return refuse("A query token is required: Authorization: Bearer <token>");
        }
        return accepts(token.get()) ? null : refuse("Unknown query token");
    }

    // Every token is compared, each in constant time, so that timing tells nothing about any of them.
    private boolean accepts(String candidate) {
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (byte[] token : tokens) {
            accepted |= MessageDigest.isEqual(token, given);
        }
        return accepted;
    }

    private HttpResponse<?> refuse(String detail) {
        return problems.response(HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
