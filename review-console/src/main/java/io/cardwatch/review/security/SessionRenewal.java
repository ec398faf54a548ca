package io.cardwatch.review.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.CookieLoginHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the session time out after a period without requests rather than a fixed time after sign-in: a request
 * made with a session cookie issued more than a minute ago gets a fresh one, valid for the full timeout
 * ({@code micronaut.security.token.generator.access-token.expiration}) from now. The token is re-signed, not
 * stored, so any replica can do it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SessionRenewal implements Ordered {

    static final Duration RENEW_AFTER = Duration.ofMinutes(1);

    private final CookieLoginHandler login;
    private final AccessTokenCookieConfiguration cookies;

    SessionRenewal(CookieLoginHandler login, AccessTokenCookieConfiguration cookies) {
        this.login = login;
        this.cookies = cookies;
    }

    @ResponseFilter
    void renew(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() >= 400 || request.getPath().startsWith("/logout")
                || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                || request.getCookies().findCookie(cookies.getCookieName()).isEmpty()
                || response.getCookie(cookies.getCookieName()).isPresent()) {
            return;
        }
        request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .filter(authentication -> issuedAt(authentication.getAttributes())
                        .map(issued -> issued.plus(RENEW_AFTER).isBefore(Instant.now()))
                        .orElse(false))
                .ifPresent(authentication -> {
                    for (Cookie cookie : login.getCookies(withoutTokenClaims(authentication), request)) {
                        if (cookie.getName().equals(cookies.getCookieName())) {
                            response.cookie(cookie);
                        }
                    }
                });
    }

    static Optional<Instant> issuedAt(Map<String, Object> claims) {
        Object issued = claims.get(Claims.ISSUED_AT);
        if (issued instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (issued instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (issued instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }

    /** The old token's own claims (issued, expires, ID...) would otherwise be copied over the new token's. */
    private static Authentication withoutTokenClaims(Authentication authentication) {
        Map<String, Object> attributes = new HashMap<>(authentication.getAttributes());
        Claims.ALL_CLAIMS.forEach(attributes::remove);
        attributes.remove(ClaimRolesFinder.OWN_CLAIM);
        return Authentication.build(authentication.getName(), authentication.getRoles(), attributes);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
