package io.cardwatch.gateway.auth;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured producers by the hash of their API key. */
@Singleton
final class Producers {

    private final Map<String, ProducerCredential> byKeyHash;

    Producers(List<ProducerCredential> credentials) {
        this.byKeyHash = credentials.stream()
                .filter(credential -> credential.getApiKeySha256() != null)
                .collect(Collectors.toUnmodifiableMap(
                        credential -> credential.getApiKeySha256().toLowerCase(Locale.ROOT), Function.identity()));
    }

    Optional<ProducerCredential> identify(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    static String sha256(String apiKey) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
