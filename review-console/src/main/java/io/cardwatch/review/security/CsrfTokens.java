package io.cardwatch.review.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Form tokens against cross-site request forgery, as a signed double-submit cookie: the browser holds a random
 * nonce in an HttpOnly cookie, and every form carries the nonce's HMAC under a key derived from the signing
 * secret. Another site can neither read the cookie nor, without the key, compute the field for a cookie it
 * managed to plant; and no replica keeps any state for it.
 */
@Singleton
public final class CsrfTokens {

    public static final String COOKIE = "cardwatch_csrf";
    public static final String FIELD = "csrfToken";
    /** Where a nonce made for this request waits to be set as the cookie on its response. */
    static final String NEW_NONCE = "cardwatch.csrf.new-nonce";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    CsrfTokens(SigningSecret secret) {
        this.key = secret.csrfKey();
    }

    /** The form token for this browser, making its nonce (and so its cookie) now if it has none yet. */
    public String tokenFor(HttpRequest<?> request) {
        return token(nonce(request).orElseGet(() -> {
            String fresh = newNonce();
            request.setAttribute(NEW_NONCE, fresh);
            return fresh;
        }));
    }

    /** Whether {@code submitted} is the form token of the nonce in the request's cookie. */
    boolean verify(HttpRequest<?> request, String submitted) {
        return submitted != null && nonce(request)
                .map(nonce -> MessageDigest.isEqual(token(nonce).getBytes(StandardCharsets.US_ASCII),
                        submitted.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    String token(String nonce) {
        return ENCODER.encodeToString(SigningSecret.hmac(key, nonce.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Optional<String> nonce(HttpRequest<?> request) {
        return request.getAttribute(NEW_NONCE, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isBlank()));
    }

    private static String newNonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
