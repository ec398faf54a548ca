package io.cardwatch.local;

import io.cardwatch.embedded.FreePorts;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data and which loopback ports it takes.
 *
 * @param home            the project's root directory, where the service modules were built
 * @param dataDir         Kafka's and PostgreSQL's data, the services' state and logs
 * @param keepData        whether {@code dataDir} is kept across runs; otherwise it starts empty
 */
public record LocalStackOptions(Path home, Path dataDir, boolean keepData, int gatewayPort, int gatewayMetricsPort,
                                int detectorPort, int detectorMetricsPort, int reviewPort, int reviewMetricsPort,
                                int kafkaPort, int postgresPort, int partitions) {

    /** Reads {@code -Dcardwatch.*} system properties; see docs/configuration.md. */
    static LocalStackOptions fromSystemProperties() {
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        String dataDir = System.getProperty("cardwatch.data-dir", "").trim();
        boolean keepData = !dataDir.isEmpty();
        return new LocalStackOptions(home,
                keepData ? Path.of(dataDir).toAbsolutePath() : home.resolve("local-stack/target/local-run"),
                keepData,
                Integer.getInteger("cardwatch.gateway-port", 8080),
                Integer.getInteger("cardwatch.gateway-metrics-port", 9465),
                Integer.getInteger("cardwatch.detector-port", 8081),
                Integer.getInteger("cardwatch.detector-metrics-port", 9464),
                Integer.getInteger("cardwatch.review-port", 8082),
                Integer.getInteger("cardwatch.review-metrics-port", 9466),
                Integer.getInteger("cardwatch.kafka-port", 9092),
                Integer.getInteger("cardwatch.postgres-port", 5433),
                Integer.getInteger("cardwatch.partitions", 6));
    }

    /** Fresh data and free ports: for tests, which may run beside a local stack. */
    public static LocalStackOptions forTest(Path home, Path dataDir) {
        return new LocalStackOptions(home, dataDir, false, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), 3);
    }

    Path postgresBinaries() {
        return home.resolve("local-stack/target/postgres-binaries");
    }

    /** Each port the services listen on, with what listens there and the system property that sets it. */
    List<LocalPort> servicePorts() {
        return List.of(
                new LocalPort(gatewayPort, "the ingest gateway", "cardwatch.gateway-port"),
                new LocalPort(gatewayMetricsPort, "the ingest gateway's metrics", "cardwatch.gateway-metrics-port"),
                new LocalPort(detectorPort, "the fraud detector", "cardwatch.detector-port"),
                new LocalPort(detectorMetricsPort, "the fraud detector's metrics", "cardwatch.detector-metrics-port"),
                new LocalPort(reviewPort, "the review console", "cardwatch.review-port"),
                new LocalPort(reviewMetricsPort, "the review console's metrics", "cardwatch.review-metrics-port"));
    }

    /** The embedded Kafka's and PostgreSQL's ports, likewise. */
    List<LocalPort> infrastructurePorts() {
        return List.of(
                new LocalPort(kafkaPort, "Kafka", "cardwatch.kafka-port"),
                new LocalPort(postgresPort, "PostgreSQL", "cardwatch.postgres-port"));
    }

    /** A port of the local stack, with what listens there and the system property that sets it. */
    record LocalPort(int port, String server, String property) {

        /** Fails with a message naming the port and how to choose another if another program holds it. */
        void requireFree() {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("Port " + port + ", where " + server + " is to listen, is in use by"
                        + " another program: stop that program, or choose another port with -D" + property + "=<port>.");
            }
        }
    }
}
