package io.cardwatch.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries that ship in a Maven artifact. Its data directory survives
 * {@link #stop()}, so the same server can be stopped and started again on the same port, and it survives a killed
 * run too: the next start stops the server that run left behind and lets PostgreSQL recover.
 */
public final class PostgresServer implements AutoCloseable {

    /** System property: how long a start may take before it is given up, in seconds. */
    public static final String START_TIMEOUT_PROPERTY = "cardwatch.postgres-start-timeout-seconds";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    /* Starting needs seconds on an idle machine and can need a minute on a busy laptop: initdb, then crash recovery. */
    private static final long DEFAULT_START_TIMEOUT_SECONDS = 120;

    private final Path binariesDir;
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path binariesDir, Path dataDir, int port) {
        this.binariesDir = binariesDir.toAbsolutePath();
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
    }

    /**
     * Starts a server on {@code dataDir}, initializing it on first use.
     *
     * @param binariesDir where the PostgreSQL binaries are unpacked (about 180 MB, reused across runs)
     */
    public static PostgresServer start(Path binariesDir, Path dataDir, int port) {
        PostgresServer postgres = new PostgresServer(binariesDir, dataDir, port);
        postgres.start();
        return postgres;
    }

    /**
     * Stops the server a killed earlier run left running on {@code dataDir}. {@link #start()} does it too; a caller
     * that is about to delete the directory calls it first.
     */
    public static void stopLeftover(Path dataDir) {
        new PostgresDataDirectory(dataDir.toAbsolutePath()).stopLeftoverServer();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    /** Where the server and initdb write their output: beside the data directory, which initdb wants empty. */
    public Path log() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        PostgresDataDirectory directory = new PostgresDataDirectory(dataDir);
        directory.stopLeftoverServer();
        directory.requireUndamaged();
        FreePorts.requireFree(port, "PostgreSQL");
        Duration timeout = Duration.ofSeconds(Long.getLong(START_TIMEOUT_PROPERTY, DEFAULT_START_TIMEOUT_SECONDS));
        try {
            Files.createDirectories(binariesDir);
            Files.createDirectories(dataDir.getParent());
            ProcessBuilder.Redirect output = ProcessBuilder.Redirect.appendTo(log().toFile());
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(timeout)
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LOG.info("PostgreSQL ready at 127.0.0.1:{}", port);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(failedStart(e, timeout), e);
        }
    }

    private String failedStart(Exception cause, Duration timeout) {
        String what = cause.getMessage() != null && cause.getMessage().startsWith("Gave up waiting")
                ? "PostgreSQL did not accept connections within " + timeout.toSeconds() + " s (on a slow machine, give it"
                        + " longer with -D" + START_TIMEOUT_PROPERTY + "=300)"
                : "PostgreSQL failed to start (" + cause.getMessage() + ")";
        return what + ", on port " + port + " with data directory " + dataDir + ". The end of its log, " + log() + ":"
                + System.lineSeparator() + ChildJvm.tail(log());
    }

    /** Stops the server (fast shutdown: open sessions are terminated), keeping its data. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public void createDatabaseIfMissing(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), "");
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }
}
