package io.cardwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Micronaut configuration files holding a run's secrets, readable by their owner only: secrets stay off the
 * command line that ps shows.
 */
final class ServiceConfigFiles {

    private ServiceConfigFiles() {
    }

    /** The detector's: the one query token it accepts this run. */
    static Path detector(Path file, String queryToken) {
        return ownerOnly(file, String.join("\n",
                "# Written by the local stack at each start.",
                "cardwatch:",
                "  query:",
                "    tokens: [" + quoted(queryToken) + "]",
                ""));
    }

    /** Writes {@code yaml} to {@code file}, readable by its owner only, and returns its path. */
    static Path ownerOnly(Path file, String yaml) {
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
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
