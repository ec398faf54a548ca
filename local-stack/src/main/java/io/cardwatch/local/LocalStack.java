package io.cardwatch.local;

import io.cardwatch.embedded.ChildProcess;
import io.cardwatch.review.security.PasswordHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: Kafka and PostgreSQL, then the fraud detector, the ingest gateway and the
 * review console, each service in its own JVM configured exactly as in production, only pointed at loopback.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** The API key of the one producer the local gateway knows, {@code local}. */
    public static final String API_KEY = "local-dev-key";
    private static final String API_KEY_SHA256 = "ed5a18fb8f807f996d649e379d3f35f39c543a91bdbf88c492f2ebd10d4df86c";

    /** The one analyst the local console knows, with every role; the password is new each run. */
    public static final String REVIEW_USER = "analyst";

    private static final String DETECTOR = "fraud-detector";
    private static final String GATEWAY = "ingest-gateway";
    private static final String REVIEW_CONSOLE = "review-console";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalStackOptions options;
    private final Infrastructure infrastructure;
    /** Held while an embedded stack runs on the data directory; none for infrastructure started elsewhere. */
    private final StackLock lock;
    private final ServiceProcess detector;
    private final ServiceProcess gateway;
    private final ServiceProcess reviewConsole;
    /*
     * Generated rather than fixed like the API key: a sign-in grants every role over the card data, and the
     * services listen on all interfaces, not only on loopback. The banner prints it.
     */
    private final String reviewPassword = randomToken(12);
    /** The detector's profile query token, new each run too: the console sends it, the banner prints it. */
    private final String queryToken = randomToken(24);

    private LocalStack(LocalStackOptions options, Infrastructure infrastructure, StackLock lock,
                       Map<String, String> extraProperties) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.lock = lock;
        Path logs = logs(options);
        Map<String, String> detectorProperties = new HashMap<>(datasourceProperties());
        detectorProperties.putAll(Map.of(
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "kafka.streams.default.state.dir", options.dataDir().resolve("detector-state").toString(),
                "micronaut.config.files", ServiceConfigFiles.detector(options.dataDir().resolve("fraud-detector.yml"),
                        queryToken).toString(),
                "otel.exporter.prometheus.port", Integer.toString(options.detectorMetricsPort())));
        this.detector = new ServiceProcess(DETECTOR, options.home().resolve(DETECTOR),
                "io.cardwatch.detector.DetectorApplication", options.detectorPort(),
                merged(detectorProperties, extraProperties),
                logs.resolve(DETECTOR + ".log"));
        this.gateway = new ServiceProcess(GATEWAY, options.home().resolve(GATEWAY),
                "io.cardwatch.gateway.GatewayApplication", options.gatewayPort(),
                merged(Map.of("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                        "cardwatch.auth.producers.local.api-key-sha256", API_KEY_SHA256,
                        "otel.exporter.prometheus.port", Integer.toString(options.gatewayMetricsPort())),
                        extraProperties),
                logs.resolve(GATEWAY + ".log"));
        Map<String, String> reviewProperties = new HashMap<>(datasourceProperties());
        reviewProperties.putAll(Map.of(
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers(),
                "cardwatch.review.detector-url", "http://127.0.0.1:" + options.detectorPort(),
                // The signing key and the local user, in a file rather than on the command line that ps shows.
                "micronaut.config.files", ReviewConsoleConfig.write(options.dataDir().resolve("review-console.yml"),
                        randomToken(48), REVIEW_USER, PasswordHashes.hash(reviewPassword), queryToken).toString(),
                "otel.exporter.prometheus.port", Integer.toString(options.reviewMetricsPort())));
        this.reviewConsole = new ServiceProcess(REVIEW_CONSOLE, options.home().resolve(REVIEW_CONSOLE),
                "io.cardwatch.review.ReviewConsoleApplication", options.reviewPort(),
                merged(reviewProperties, extraProperties),
                logs.resolve(REVIEW_CONSOLE + ".log"));
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = startEmbedded(LocalStackOptions.fromSystemProperties());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Cardwatch...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(stack.banner());
        stopped.await();
    }

    /**
     * Starts embedded Kafka and PostgreSQL, then the services. What a killed earlier run on the same data directory
     * left running is stopped first; a port another program holds fails the start before anything runs.
     */
    public static LocalStack startEmbedded(LocalStackOptions options) {
        return startEmbedded(options, Map.of());
    }

    /** The same, with system properties given to every service (e.g. {@code otel.*} to export traces). */
    public static LocalStack startEmbedded(LocalStackOptions options, Map<String, String> serviceProperties) {
        StackLock lock = StackLock.acquire(options.dataDir());
        try {
            stopLeftovers(options);
            prepare(options);
            options.infrastructurePorts().forEach(LocalStackOptions.LocalPort::requireFree);
            options.servicePorts().forEach(LocalStackOptions.LocalPort::requireFree);
            var infrastructure = EmbeddedInfrastructure.start(options.dataDir(), options.postgresBinaries(),
                    options.kafkaPort(), options.postgresPort(), options.partitions());
            return start(options, infrastructure, lock, serviceProperties);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Starts the services on infrastructure that is already running (embedded or containers). */
    public static LocalStack start(LocalStackOptions options, Infrastructure infrastructure,
                                   Map<String, String> serviceProperties) {
        options.servicePorts().forEach(LocalStackOptions.LocalPort::requireFree);
        return start(options, infrastructure, null, serviceProperties);
    }

    private static LocalStack start(LocalStackOptions options, Infrastructure infrastructure, StackLock lock,
                                    Map<String, String> serviceProperties) {
        LocalStack stack = new LocalStack(options, infrastructure, lock, serviceProperties);
        try {
            stack.detector.start();
            stack.gateway.start();
            stack.reviewConsole.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public ServiceProcess detector() {
        return detector;
    }

    public ServiceProcess reviewConsole() {
        return reviewConsole;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public String reviewConsoleUrl() {
        return "http://127.0.0.1:" + reviewConsole.port();
    }

    /** The local analyst's user name, {@value #REVIEW_USER}: roles VIEWER, ANALYST and ADMIN. */
    public String reviewUser() {
        return REVIEW_USER;
    }

    /** The local analyst's password, new each run. */
    public String reviewPassword() {
        return reviewPassword;
    }

    /** The token the detector accepts on {@code GET /cards/{cardId}/profile}, new each run. */
    public String queryToken() {
        return queryToken;
    }

    /** Stops the services in the reverse order of their start, the console first, then the infrastructure. */
    @Override
    public void close() {
        try {
            reviewConsole.stop();
            gateway.stop();
            detector.stop();
        } finally {
            try {
                infrastructure.close();
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    /** The database settings of the services that use it, the detector and the console. */
    private Map<String, String> datasourceProperties() {
        String wrapperUrl = infrastructure.jdbcUrl().replaceFirst("^jdbc:postgresql:", "jdbc:aws-wrapper:postgresql:")
                + "?wrapperDialect=pg";
        return Map.of(
                "datasources.default.url", wrapperUrl,
                "datasources.default.username", infrastructure.databaseUser(),
                "datasources.default.password", infrastructure.databasePassword(),
                // One local server: waiting minutes for a failover target that cannot appear helps nobody.
                "datasources.default.data-source-properties.failoverTimeoutMs", "5000");
    }

    /** A random URL-safe string of {@code bytes} random bytes. */
    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static Map<String, String> merged(Map<String, String> properties, Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(properties);
        merged.putAll(extra);
        return merged;
    }

    private static Path logs(LocalStackOptions options) {
        return options.dataDir().resolve("logs");
    }

    /** After kill -9 of a run, its services, broker and database server keep running and holding their ports. */
    private static void stopLeftovers(LocalStackOptions options) {
        for (String service : List.of(REVIEW_CONSOLE, GATEWAY, DETECTOR)) {
            ChildProcess.stopLeftover(ServiceProcess.pidFile(logs(options), service));
        }
        EmbeddedInfrastructure.stopLeftovers(options.dataDir());
    }

    private static void prepare(LocalStackOptions options) {
        if (!options.keepData()) {
            emptyExceptLock(options.dataDir());
        }
        LOG.info("Cardwatch data in {}{}", options.dataDir(), options.keepData() ? " (kept across runs)" : "");
    }

    /** Whatever an earlier run left, even half-written files of a killed one: a fresh run starts from nothing. */
    private static void emptyExceptLock(Path dir) {
        Path lock = dir.resolve(StackLock.FILE);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir) && !path.equals(lock)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }

    String banner() {
        String body = ("{\"transactionId\":\"tx-%s\",\"cardId\":\"card-42\",\"amount\":129.90,\"currency\":\"EUR\","
                + "\"merchantId\":\"m-1001\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"latitude\":52.52,"
                + "\"longitude\":13.405,\"eventTime\":\"%s\"}")
                .formatted(UUID.randomUUID().toString().substring(0, 8), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return String.join(System.lineSeparator(),
                "",
                "Cardwatch is running.",
                "  Ingest gateway:  " + gatewayUrl() + "   (health: " + gatewayUrl() + "/health, metrics: http://127.0.0.1:"
                        + options.gatewayMetricsPort() + "/metrics)",
                "  Fraud detector:  http://127.0.0.1:" + detector.port() + "   (health: /health, metrics: http://127.0.0.1:"
                        + options.detectorMetricsPort() + "/metrics)",
                "  Review console:  " + reviewConsoleUrl() + "   (sign in as " + REVIEW_USER + " / " + reviewPassword
                        + ", metrics: http://127.0.0.1:" + options.reviewMetricsPort() + "/metrics)",
                "  Kafka:           " + infrastructure.kafkaBootstrapServers(),
                "  PostgreSQL:      " + infrastructure.jdbcUrl() + "   (user " + infrastructure.databaseUser() + ")",
                "  Data and logs:   " + options.dataDir(),
                "",
                "Post a transaction:",
                "  curl -i " + gatewayUrl() + "/v1/transactions -H 'Authorization: Bearer " + API_KEY + "'"
                        + " -H 'Content-Type: application/json' -d '" + body + "'",
                "",
                "The card's live profile:",
                "  curl -i http://127.0.0.1:" + detector.port() + "/cards/card-42/profile -H 'Authorization: Bearer "
                        + queryToken + "'",
                "",
                "Its decision, a moment later:",
                "  psql -h 127.0.0.1 -p " + options.postgresPort() + " -U postgres cardwatch"
                        + " -c 'SELECT transaction_id, outcome, score, reasons FROM decisions'",
                "",
                "Press Ctrl-C to stop.");
    }
}
