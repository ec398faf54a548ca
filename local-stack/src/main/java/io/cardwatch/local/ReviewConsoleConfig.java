package io.cardwatch.local;

import static io.cardwatch.local.ServiceConfigFiles.quoted;

import java.nio.file.Path;

/**
 * The review console's sign-in settings and the detector's query token for one run of the local stack, as a
 * Micronaut configuration file.
 */
final class ReviewConsoleConfig {

    private ReviewConsoleConfig() {
    }

    /** Writes the file, readable by its owner only, and returns its path. */
    static Path write(Path file, String signingSecret, String user, String passwordHash, String detectorToken) {
        String yaml = String.join("\n",
                "# Written by the local stack at each start.",
                "micronaut:",
                "  security:",
                "    token:",
                "      jwt:",
                "        signatures:",
                "          secret:",
                "            generator:",
                "              secret: " + quoted(signingSecret),
                "cardwatch:",
                "  review:",
                "    detector-token: " + quoted(detectorToken),
                "    local-users:",
                "      - username: " + quoted(user),
                "        password-hash: " + quoted(passwordHash),
                "        roles: [VIEWER, ANALYST, ADMIN]",
                "");
        return ServiceConfigFiles.ownerOnly(file, yaml);
    }
}
