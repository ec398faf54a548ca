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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries that ship in a Maven artifact. Its data directory survives
 * {@link #stop()}, so the same server can be stopped and started again on the same port.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

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

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(binariesDir);
            Files.createDirectories(dataDir.getParent());
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LOG.info("PostgreSQL ready at 127.0.0.1:{}", port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir, e);
        }
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
