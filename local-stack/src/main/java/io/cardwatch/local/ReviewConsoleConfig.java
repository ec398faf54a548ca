package io.cardwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The review console's sign-in settings for one run of the local stack, as a Micronaut configuration file. */
final class ReviewConsoleConfig {

    private ReviewConsoleConfig() {
    }

    /** Writes the file, readable by its owner only, and returns its path. */
    static Path write(Path file, String signingSecret, String user, String passwordHash) {
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
                "    local-users:",
                "      - username: " + quoted(user),
                "        password-hash: " + quoted(passwordHash),
                "        roles: [VIEWER, ANALYST, ADMIN]",
                "");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A YAML single-quoted scalar: nothing in it is special but the quote, which doubles. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
