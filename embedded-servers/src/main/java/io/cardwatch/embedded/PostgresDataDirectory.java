package io.cardwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an earlier run may have left in a PostgreSQL data directory: a server still running, a stale PID file, damage. */
final class PostgresDataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDataDirectory.class);
    /* The embedded server's owner holds this lock for as long as the server is its own; the OS drops it when it dies. */
    private static final String OWNER_LOCK = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);
    /** What initdb writes and a server cannot start without, in the order initdb writes them. */
    private static final List<String> REQUIRED = List.of("PG_VERSION", "postgresql.conf", "global/pg_control",
            "global/pg_filenode.map", "base");

    private final Path dir;

    PostgresDataDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Stops the server of an owner that was killed (its lock is free, its server still runs), and removes a PID file
     * whose process is gone or is no PostgreSQL, which the server would otherwise take for another one running.
     */
    void stopLeftoverServer() {
        Path lockFile = dir.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL's data directory " + dir + " is in use by another running"
                        + " program (a Cardwatch stack or test that is still running?): stop it, or use another"
                        + " data directory.");
            }
            postmaster().ifPresent(server -> {
                LOG.warn("Stopping PostgreSQL (process {}) that an earlier run left running on {}", server.pid(), dir);
                Processes.stop(server, SHUTDOWN_GRACE);
            });
            Files.deleteIfExists(dir.resolve(PID_FILE));
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL's data directory " + dir + " is in use by this JVM already", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check PostgreSQL's data directory " + dir, e);
        }
    }

    /** Fails, saying which directory and what to do, if the directory holds a cluster PostgreSQL cannot start on. */
    void requireUndamaged() {
        if (isEmpty()) {
            return;
        }
        for (String file : REQUIRED) {
            if (!Files.exists(dir.resolve(file))) {
                throw new IllegalStateException("PostgreSQL's data directory " + dir + " is damaged: " + file
                        + " is missing (was an earlier run killed while it created the directory, or were files"
                        + " deleted from it?). Delete the directory to start with an empty database, or restore it"
                        + " from a backup.");
            }
        }
    }

    /** The server recorded in the PID file, if that process still runs and is a PostgreSQL. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(PID_FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).trim().matches("[0-9]+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(PostgresDataDirectory::isPostgres);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private boolean isEmpty() {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(OWNER_LOCK));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
    }
}
