package io.cardwatch.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured producers by the hashes of their API keys: the current key and, during a rotation, the next.
 * Created with the context, so that a gateway whose producers cannot be told apart or have no key stops at
 * start instead of answering every call with 401.
 */
@Context
final class Producers {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, ProducerCredential> byKeyHash = new HashMap<>();

    Producers(@Value("${cardwatch.auth.enabled:true}") boolean enabled, List<ProducerCredential> credentials) {
        if (enabled && credentials.isEmpty()) {
            throw new ConfigurationException("No producer is configured (cardwatch.auth.producers.<name>"
                    + ".api-key-sha256): every call would be refused");
        }
        for (ProducerCredential credential : credentials) {
            checkReadsFor(credential, credentials);
            register(credential, "api-key-sha256", required(credential));
            if (isSet(credential.getNextApiKeySha256())) {
                register(credential, "next-api-key-sha256", credential.getNextApiKeySha256());
            }
        }
    }

    Optional<ProducerCredential> identify(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    /** The form operators configure: lower-case hex, as {@code sha256sum} prints it. */
    static String sha256(String apiKey) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private void register(ProducerCredential credential, String property, String configured) {
        // A Secret written with echo or from a file ends in a newline.
        String hash = configured.strip();
        if (!SHA256_HEX.matcher(hash).matches()) {
            // The value is not echoed: it may be the key itself, pasted where its hash belongs.
            throw new ConfigurationException(key(credential, property) + " is not a SHA-256 in hex"
                    + " (64 characters 0-9 a-f, e.g. the first field of sha256sum's output)");
        }
        ProducerCredential holder = byKeyHash.putIfAbsent(hash.toLowerCase(Locale.ROOT), credential);
        if (holder != null && holder != credential) {
            throw new ConfigurationException("Producers " + holder.getName() + " and " + credential.getName()
                    + " have the same API key: each producer needs its own, or its events carry the wrong name");
        }
    }

    private static void checkReadsFor(ProducerCredential credential, List<ProducerCredential> credentials) {
        String readsFor = credential.getReadsFor();
        if (!isSet(readsFor)) {
            return;
        }
        if (credential.isWrite()) {
            // A key that posts reads its own decisions; reading another's too would widen the scope silently.
            throw new ConfigurationException(key(credential, "reads-for") + " is only for a lookup-only key ("
                    + key(credential, "write") + ": false)");
        }
        if (credentials.stream().noneMatch(other -> other.getName().equals(readsFor) && other.isWrite())) {
            throw new ConfigurationException(key(credential, "reads-for") + " names " + readsFor
                    + ", which is not a configured producer that posts transactions");
        }
    }

    private static String required(ProducerCredential credential) {
        if (!isSet(credential.getApiKeySha256())) {
            throw new ConfigurationException("Producer " + credential.getName() + " has no API key: set "
                    + key(credential, "api-key-sha256"));
        }
        return credential.getApiKeySha256();
    }

    private static boolean isSet(String hash) {
        return hash != null && !hash.isBlank();
    }

    private static String key(ProducerCredential credential, String property) {
        return "cardwatch.auth.producers." + credential.getName() + "." + property;
    }
}
