package io.cardwatch.review.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every replica signs sessions with, checked when the console starts. Without one, Micronaut would
 * issue unsigned session tokens and accept them: the console refuses to start instead. Every replica must be
 * given the same secret, so that any of them accepts a session another one issued (no sticky sessions).
 */
@Context
final class SigningSecret {

    static final String PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_LENGTH = 32;

    private final byte[] csrfKey;

    SigningSecret(@Value("${" + PROPERTY + ":}") String secret) {
        check(secret);
        // A key of its own for form tokens, so that a form token never doubles as anything signed with the secret.
        this.csrfKey = hmac(secret.getBytes(StandardCharsets.UTF_8), "cardwatch-review-csrf".getBytes(StandardCharsets.UTF_8));
    }

    static void check(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set: the console signs sessions with it and will not "
                    + "start without one. Give every replica the same random value of at least " + MIN_LENGTH
                    + " characters (docs/review.md).");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(PROPERTY + " is " + secret.length() + " characters long: at least "
                    + MIN_LENGTH + " are needed for HS256.");
        }
    }

    byte[] csrfKey() {
        return csrfKey.clone();
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
