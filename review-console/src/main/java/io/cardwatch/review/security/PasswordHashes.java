package io.cardwatch.review.security;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of local users, with the JDK's PBKDF2 and nothing else, so that anything (the local stack, an
 * operator's shell) can mint one without a running console. The format is
 * {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}, salt and hash in unpadded base64url: a hash carries its own
 * iteration count, so that raising the default later leaves existing hashes valid.
 *
 * <p>Mint one with {@code java -cp <console jar> io.cardwatch.review.security.PasswordHashes}, which asks for the
 * password without echoing it (or reads one line from standard input) and prints the hash.
 */
public final class PasswordHashes {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PasswordHashes() {
    }

    /** A new hash of {@code password}, with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hash(String password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash of {@code password} with a fresh random salt and {@code iterations}. */
    public static String hash(String password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return SCHEME + ":" + iterations + ":" + ENCODER.encodeToString(salt) + ":"
                + ENCODER.encodeToString(derive(password, salt, iterations));
    }

    /** Whether {@code password} is the one {@code hash} was made from; false for a hash of another format. */
    public static boolean matches(String password, String hash) {
        String[] parts = hash.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] expected = DECODER.decode(parts[3]);
            return iterations > 0 && MessageDigest.isEqual(expected, derive(password, DECODER.decode(parts[2]), iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether {@code hash} has the format {@link #matches} reads. */
    public static boolean isWellFormed(String hash) {
        String[] parts = hash.split(":", -1);
        try {
            return parts.length == 4 && parts[0].equals(SCHEME) && Integer.parseInt(parts[1]) > 0
                    && DECODER.decode(parts[2]).length > 0 && DECODER.decode(parts[3]).length == HASH_BITS / 8;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Prints the hash of a password typed at the terminal, or of the first line of standard input. */
    public static void main(String[] args) throws java.io.IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            var line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .readLine();
            password = line == null ? "" : line;
        }
        if (password.isEmpty()) {
            System.err.println("No password given");
            System.exit(2);
        }
        System.out.println(hash(password));
    }
}
