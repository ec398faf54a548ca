package io.cardwatch.embedded;

import static org.awaitility.Awaitility.await;

import io.cardwatch.events.TopicProvisioning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker in a child JVM. Its log directory survives {@link #stop()}, so
 * the same broker can be stopped, killed and started again on the same port, as production brokers are.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final String LOGGING = "-Dlogback.configurationFile=cardwatch-broker-logback.xml";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final ChildProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = new ChildProcess(pidFile(dataDir));
    }

    /** Starts a broker keeping its data in {@code dataDir}, formatting the directory on first use. */
    public static KafkaBroker start(Path dataDir, int port) {
        KafkaBroker broker = new KafkaBroker(dataDir.toAbsolutePath(), port, FreePorts.pick());
        broker.start();
        return broker;
    }

    /** A broker of a test's own: a fresh directory under {@code target/}, a free port, every Cardwatch topic. */
    public static KafkaBroker withCardwatchTopics() {
        KafkaBroker broker = start(Path.of("target", "kafka-" + System.nanoTime()), FreePorts.pick());
        TopicProvisioning.of(3, (short) 1).apply(broker.bootstrapServers());
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the broker a killed earlier run left running on {@code dataDir}. {@link #start()} does it too; a caller
     * that is about to delete the directory calls it first.
     */
    public static void stopLeftover(Path dataDir) {
        ChildProcess.stopLeftover(pidFile(dataDir.toAbsolutePath()));
    }

    public synchronized void start() {
        if (process.isAlive()) {
            return;
        }
        stopLeftover(dataDir);
        FreePorts.requireFree(port, "the Kafka broker");
        Path config = writeConfig();
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(config);
        }
        process.run(ChildJvm.start("kafka-broker", List.of("-Xms256m", "-Xmx768m", LOGGING), "kafka.Kafka",
                List.of(config.toString()), dataDir.resolve("broker.log")));
        awaitReady();
        LOG.info("Kafka broker ready at {}", bootstrapServers());
    }

    /** Stops the broker gracefully, as a rolling restart would. */
    public synchronized void stop() {
        process.stop();
    }

    /** Kills the broker without letting it shut down, as a crashed node would. */
    public synchronized void kill() {
        process.kill();
    }

    @Override
    public void close() {
        stop();
    }

    private static Path pidFile(Path dataDir) {
        return dataDir.resolve("broker.pid");
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    private Path writeConfig() {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir(),
                "auto.create.topics.enable=false",
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0"));
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.write(config, lines);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker configuration in " + dataDir, e);
        }
    }

    private void format(Path config) {
        Process formatter = ChildJvm.start("kafka-storage", List.of("-Xmx256m", LOGGING), "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                dataDir.resolve("format.log"));
        int exit = ChildJvm.awaitExit(formatter, Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("Formatting the broker storage failed (exit " + exit + "): "
                    + ChildJvm.tail(dataDir.resolve("format.log")));
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            // The port first, so that the admin client does not log a warning per refused connection.
            await().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("exited", () -> !process.isAlive())
                    .until(() -> listening() && !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty());
        } catch (TerminalFailureException exited) {
            throw new IllegalStateException("The Kafka broker exited during startup: "
                    + ChildJvm.tail(dataDir.resolve("broker.log")));
        } catch (ConditionTimeoutException notReady) {
            throw new IllegalStateException("The Kafka broker did not become ready within " + STARTUP_TIMEOUT + ": "
                    + ChildJvm.tail(dataDir.resolve("broker.log")), notReady);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
