package io.cardwatch.review.security;

import io.cardwatch.review.Paths;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses every form post (URL-encoded or multipart, on any path, sign-in and sign-out included) that does not
 * carry this browser's form token, with 403; and gives a browser its CSRF cookie on the first page it loads.
 * JSON requests are not forms: a browser does not send them across sites without CORS, which the console does
 * not allow.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {

    private final CsrfTokens tokens;
    private final AccessTokenCookieConfiguration cookies;

    CsrfFilter(CsrfTokens tokens, AccessTokenCookieConfiguration cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    @RequestFilter(methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
    void verify(HttpRequest<?> request, @Nullable @Body String body) {
        if (!isForm(request)) {
            return;
        }
        if (!tokens.verify(request, field(body))) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "The form has no valid CSRF token: reload the page and submit it again");
        }
    }

    @RequestFilter(methods = HttpMethod.GET)
    void offerCookie(HttpRequest<?> request) {
        if (Paths.isPage(request)) {
            tokens.tokenFor(request);
        }
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CsrfTokens.NEW_NONCE, String.class).ifPresent(nonce -> {
            Cookie cookie = Cookie.of(CsrfTokens.COOKIE, nonce).path("/").httpOnly(true).sameSite(SameSite.Strict)
                    .secure(cookies.isCookieSecure().orElse(request.isSecure()));
            response.cookie(cookie);
        });
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
    }

    /** The token field of a URL-encoded form; a multipart form is refused, the console has none. */
    private static String field(@Nullable String body) {
        if (body == null) {
            return null;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                        .equals(CsrfTokens.FIELD)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return null;
    }

    /** After authentication, so that an anonymous post is answered as such; before the route runs. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
