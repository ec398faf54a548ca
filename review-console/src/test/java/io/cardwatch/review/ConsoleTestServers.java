package io.cardwatch.review;

import io.cardwatch.embedded.FreePorts;
import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.PostgresServer;
import io.cardwatch.events.TopicProvisioning;
import io.cardwatch.review.security.PasswordHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real broker with every Cardwatch topic and one real PostgreSQL, started once for all the test classes of
 * this module (each runs its own console on them), and stopped when the test JVM exits.
 */
public final class ConsoleTestServers {

    public static final String PASSWORD = "correct horse battery staple";
    /** Few iterations: the tests sign in often; the format and the check are the production ones. */
    private static final int TEST_ITERATIONS = 1000;

    private static ConsoleTestServers instance;

    private final KafkaBroker broker;
    private final PostgresServer postgres;

    private ConsoleTestServers(KafkaBroker broker, PostgresServer postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    public static synchronized ConsoleTestServers get() {
        if (instance == null) {
            Path work = Path.of("target", "console-servers-" + System.nanoTime());
            KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), FreePorts.pick());
            TopicProvisioning.of(3, (short) 1).apply(broker.bootstrapServers());
            PostgresServer postgres = PostgresServer.start(Path.of("target", "postgres-binaries"), work.resolve("pg"),
                    FreePorts.pick());
            postgres.createDatabaseIfMissing("cardwatch");
            instance = new ConsoleTestServers(broker, postgres);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } finally {
                    postgres.close();
                    delete(work);
                }
            }, "console-test-servers"));
        }
        return instance;
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A plain connection to the console's database, for fixtures and checks. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), postgres.user(), "");
    }

    /**
     * A console on these servers, on {@code port}, with three local users (viewer, analyst and admin, each with
     * {@link #PASSWORD}), plus {@code overrides}.
     */
    public Map<String, String> properties(int port, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
        properties.put("datasources.default.url", "jdbc:aws-wrapper:postgresql://127.0.0.1:" + postgres.port()
                + "/cardwatch?wrapperDialect=pg");
        properties.put("datasources.default.data-source-properties.failoverTimeoutMs", "5000");
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                "a test secret that is long enough for HS256");
        // Nothing listens there: the alert page must cope with an unreachable detector.
        properties.put("cardwatch.review.detector-url", "http://127.0.0.1:" + FreePorts.pick());
        String[][] users = {{"viewer", "VIEWER"}, {"analyst", "ANALYST"}, {"admin", "ADMIN"}};
        for (int i = 0; i < users.length; i++) {
            properties.put("cardwatch.review.local-users[" + i + "].username", users[i][0]);
            properties.put("cardwatch.review.local-users[" + i + "].password-hash",
                    PasswordHashes.hash(PASSWORD, TEST_ITERATIONS));
            properties.put("cardwatch.review.local-users[" + i + "].roles", users[i][1]);
        }
        properties.putAll(overrides);
        return properties;
    }
}
