package io.cardwatch.detector.topics;

import io.cardwatch.detector.backtest.Commands;
import io.cardwatch.events.TopicChanges;
import io.cardwatch.events.TopicProvisioning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line: creates the topics of the event contract on a cluster, or brings existing ones to the contract's
 * configs, with the cluster's partitions, replication and retention. The chart runs it as a hook before every
 * install and upgrade; it can be run again at any time. It reaches Kafka as the services do: the {@code KAFKA_*}
 * variables the chart sets (for example {@code KAFKA_SECURITY_PROTOCOL}) become the admin client's settings, so
 * every {@code kafka.auth.mode} works unchanged. See docs/deploy-eks.md.
 */
@Command(name = "provision-topics", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Creates the topics of the event contract, or sets the contract's configs on existing ones.")
public final class ProvisionTopics implements Callable<Integer> {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "The cluster's bootstrap servers; else KAFKA_BOOTSTRAP_SERVERS or the command config's.")
    private String bootstrapServer;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL), as Kafka's own tools take them; over the KAFKA_* variables.")
    private Path commandConfig;

    @Option(names = "--partitions", required = true, paramLabel = "N",
            description = "Partitions of every topic: the detector's parallelism.")
    private int partitions;

    @Option(names = "--replication-factor", required = true, paramLabel = "N",
            description = "Replicas of every partition.")
    private short replicationFactor;

    @Option(names = "--min-insync-replicas", paramLabel = "N",
            description = "Replicas that must hold a record before the write is acknowledged; else the broker's default.")
    private Integer minInSyncReplicas;

    @Option(names = "--retention", paramLabel = "TOPIC=DURATION",
            description = "How long a topic keeps its records, in ISO-8601 (P7D, PT12H); repeatable. Others keep the "
                    + "broker's default; compacted topics keep the latest record of each key.")
    private Map<String, Duration> retention = new LinkedHashMap<>();

    @Option(names = "--increase-partitions",
            description = "Also add partitions to existing topics that have fewer. Only with a reset detector: cards "
                    + "move to other partitions than the one holding their state.")
    private boolean increasePartitions;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    /** A command that reads the {@code KAFKA_*} variables of {@code environment}. */
    public ProvisionTopics(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        int exitCode = Commands.run(new ProvisionTopics(System.getenv()), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> adminConfig = adminConfig();
        TopicChanges changes = provisioning().apply(adminConfig);
        changes.changes().forEach(out::println);
        changes.notes().forEach(note -> out.println("unchanged: " + note));
        out.println(changes.none()
                ? "No change: every topic was already as asked on " + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                : changes.changes().size() + " changes on " + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        return 0;
    }

    /** The settings the parsed options ask for. */
    public TopicProvisioning provisioning() {
        TopicProvisioning provisioning = TopicProvisioning.of(partitions, replicationFactor);
        if (minInSyncReplicas != null) {
            provisioning = provisioning.withMinInSyncReplicas(minInSyncReplicas);
        }
        for (Map.Entry<String, Duration> kept : retention.entrySet()) {
            provisioning = provisioning.withRetention(kept.getKey(), kept.getValue());
        }
        return increasePartitions ? provisioning.increasingPartitions() : provisioning;
    }

    /**
     * How the parsed command reaches Kafka: the KAFKA_* variables that name admin client settings, then the
     * command config, then --bootstrap-server.
     */
    public Map<String, Object> adminConfig() throws IOException {
        return ClientSettings.of(environment, commandConfig, bootstrapServer, AdminClientConfig.configNames());
    }
}
