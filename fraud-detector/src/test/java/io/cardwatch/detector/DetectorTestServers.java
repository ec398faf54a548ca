package io.cardwatch.detector;

import io.cardwatch.embedded.FreePorts;
import io.cardwatch.embedded.KafkaBroker;
import io.cardwatch.embedded.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real broker with every Cardwatch topic and a real PostgreSQL with the Cardwatch database, for tests
 * that run the detector's application context; and the properties that point the detector at them.
 */
public final class DetectorTestServers implements AutoCloseable {

    private final Path work;
    private final KafkaBroker broker;
    private final PostgresServer postgres;
    private final int metricsPort = FreePorts.pick();

    private DetectorTestServers(Path work, KafkaBroker broker, PostgresServer postgres) {
        this.work = work;
        this.broker = broker;
        this.postgres = postgres;
    }

    public static DetectorTestServers start(String name) {
        Path work = Path.of("target", name + "-" + System.nanoTime());
        KafkaBroker broker = KafkaBroker.withCardwatchTopics();
        PostgresServer postgres = PostgresServer.start(Path.of("target", "postgres-binaries"), work.resolve("pg"),
                FreePorts.pick());
        postgres.createDatabaseIfMissing("cardwatch");
        return new DetectorTestServers(work, broker, postgres);
    }

    public KafkaBroker broker() {
        return broker;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The rows {@code query} selects from the detector's database, each as its columns joined by {@code |}. */
    public List<String> rows(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("cardwatch"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(String.join("|", row));
            }
            return rows;
        }
    }

    public int metricsPort() {
        return metricsPort;
    }

    /** The detector's configuration for these servers, plus {@code overrides}. */
    public Map<String, String> properties(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.streams.default.state.dir", work.resolve("streams").toAbsolutePath().toString(),
                "datasources.default.url", "jdbc:aws-wrapper:postgresql://127.0.0.1:" + postgres.port()
                        + "/cardwatch?wrapperDialect=pg",
                "datasources.default.data-source-properties.failoverTimeoutMs", "5000",
                "otel.exporter.prometheus.port", Integer.toString(metricsPort)));
        properties.putAll(overrides);
        return properties;
    }

    /**
     * The configuration of one of several instances on these servers: its own HTTP port, advertised to the
     * others as {@code application.server}, its own state directory and its own metrics port.
     */
    public Map<String, String> instanceProperties(String instance, int httpPort) {
        return properties(Map.of(
                "micronaut.server.port", Integer.toString(httpPort),
                "kafka.streams.default.application.server", "127.0.0.1:" + httpPort,
                "kafka.streams.default.state.dir", work.resolve("streams-" + instance).toAbsolutePath().toString(),
                "otel.exporter.prometheus.port", Integer.toString(FreePorts.pick())));
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            postgres.close();
        }
    }
}
