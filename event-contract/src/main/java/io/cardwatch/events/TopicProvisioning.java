package io.cardwatch.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Puts every topic of {@link Topics} on a cluster with the contract's configs and the cluster's own settings
 * (partitions, replication, minimum in-sync replicas, retention), and can be run again at any time: it creates
 * the missing topics and sets the configs that differ on the others. It never removes partitions (Kafka
 * cannot) and adds them only when asked, since that moves cards to other partitions than the one holding
 * their state.
 */
public record TopicProvisioning(int partitions, short replicationFactor, Integer minInSyncReplicas,
                                Map<String, Duration> retention, boolean increasePartitions) {

    /** Keyed by card, or re-keyed by card into the tasks of {@link Topics#TRANSACTIONS}: one partition count. */
    private static final List<Topic<?, ?>> CO_PARTITIONED = List.of(Topics.TRANSACTIONS, Topics.TRANSACTION_HISTORY,
            Topics.LABELS);

    /**
     * @param minInSyncReplicas null for the broker's default
     * @param retention how long each named topic keeps its records; the others keep the broker's default
     */
    public TopicProvisioning {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("Partitions and replication factor must be at least 1, not "
                    + partitions + " and " + replicationFactor);
        }
        if (minInSyncReplicas != null && (minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException("Minimum in-sync replicas must be between 1 and the replication factor "
                    + replicationFactor + ", not " + minInSyncReplicas);
        }
        retention.forEach(TopicProvisioning::checkRetention);
        retention = Map.copyOf(retention);
    }

    /** Every topic with {@code partitions} partitions of {@code replicationFactor} replicas, other configs the broker's. */
    public static TopicProvisioning of(int partitions, short replicationFactor) {
        return new TopicProvisioning(partitions, replicationFactor, null, Map.of(), false);
    }

    /** Every topic refuses writes with acks=all once fewer than {@code replicas} replicas are in sync. */
    public TopicProvisioning withMinInSyncReplicas(int replicas) {
        return new TopicProvisioning(partitions, replicationFactor, replicas, retention, increasePartitions);
    }

    /** Keeps the records of {@code topic} for {@code kept}; a compacted topic keeps the latest record per key instead. */
    public TopicProvisioning withRetention(String topic, Duration kept) {
        Map<String, Duration> updated = new LinkedHashMap<>(retention);
        updated.put(topic, kept);
        return new TopicProvisioning(partitions, replicationFactor, minInSyncReplicas, updated, increasePartitions);
    }

    /**
     * Also adds partitions to existing topics that have fewer than asked. Only for a detector whose application
     * is reset: its changelog topics keep the old count, and records of a card already stored stay where they are.
     */
    public TopicProvisioning increasingPartitions() {
        return new TopicProvisioning(partitions, replicationFactor, minInSyncReplicas, retention, true);
    }

    private static void checkRetention(String topic, Duration kept) {
        Topic<?, ?> contract = Topics.all().stream().filter(candidate -> candidate.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic " + topic + " in the event contract: "
                        + Topics.all().stream().map(Topic::name).toList()));
        if (TopicConfig.CLEANUP_POLICY_COMPACT.equals(contract.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG))) {
            throw new IllegalArgumentException(topic + " is compacted: it keeps the latest record of each key, "
                    + "so a retention would never apply");
        }
        if (kept.isNegative() || kept.isZero()) {
            throw new IllegalArgumentException("Retention of " + topic + " must be positive, not " + kept);
        }
    }

    /** The topics as a fresh cluster gets them, in the contract's order. */
    public List<NewTopic> newTopics() {
        return Topics.all().stream()
                .map(topic -> new NewTopic(topic.name(), partitions, replicationFactor).configs(configsOf(topic)))
                .toList();
    }

    /** {@link #apply(Map)} on a cluster that needs no authentication, such as a local one. */
    public TopicChanges apply(String bootstrapServers) {
        return apply(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Brings the cluster that {@code adminConfig} reaches to these settings and tells what it changed. Nothing
     * changes when {@code transactions}, {@code transaction-history} and {@code labels} would end with different
     * partition counts.
     */
    public TopicChanges apply(Map<String, Object> adminConfig) {
        try (Admin admin = Admin.create(adminConfig)) {
            return apply(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot provision the topics on "
                    + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning the topics", e);
        }
    }

    private TopicChanges apply(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> existing = describe(admin);
        checkCoPartitioning(existing);
        List<String> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        List<NewTopic> missing = newTopics().stream().filter(topic -> !existing.containsKey(topic.name())).toList();
        Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
        List<Topic<?, ?>> toConfigure = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            if (!created.containsKey(topic.name())) {
                toConfigure.add(topic);
                continue;
            }
            try {
                created.get(topic.name()).get();
                changes.add("created " + topic.name() + " (" + partitions + " partitions, replication factor "
                        + replicationFactor + listed(configsOf(topic)) + ")");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Created by someone else meanwhile: it gets the configs like any existing topic.
                toConfigure.add(topic);
            }
        }
        changes.addAll(setConfigs(admin, toConfigure));
        for (TopicDescription description : existing.values()) {
            changes.addAll(adjustPartitions(admin, description, notes));
            int replicas = description.partitions().get(0).replicas().size();
            if (replicas != replicationFactor) {
                notes.add(description.name() + " keeps its replication factor " + replicas + " (" + replicationFactor
                        + " asked): reassign its partitions to change it");
            }
        }
        return new TopicChanges(changes, notes);
    }

    private Map<String, TopicDescription> describe(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                Topics.all().stream().map(Topic::name).toList()).topicNameValues();
        Map<String, TopicDescription> existing = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.all()) {
            try {
                existing.put(topic.name(), described.get(topic.name()).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return existing;
    }

    private void checkCoPartitioning(Map<String, TopicDescription> existing) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Topic<?, ?> topic : CO_PARTITIONED) {
            TopicDescription description = existing.get(topic.name());
            int current = description == null ? partitions : description.partitions().size();
            counts.put(topic.name(), increasePartitions ? Math.max(current, partitions) : current);
        }
        if (counts.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("The partition counts would be " + counts + ": these topics must have "
                    + "the same, so that a card's records and verdicts reach the task that holds its state. Ask for "
                    + "the existing count, or add partitions to all of them");
        }
    }

    private List<String> setConfigs(Admin admin, List<Topic<?, ?>> topics)
            throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            List<AlterConfigOp> operations = new ArrayList<>();
            configsOf(topic).forEach((name, value) -> {
                ConfigEntry entry = current.get(resource).get(name);
                String was = entry == null ? null : entry.value();
                if (!value.equals(was)) {
                    operations.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
                    changes.add("set " + name + "=" + value + " on " + topic.name() + " (was " + was + ")");
                }
            });
            if (!operations.isEmpty()) {
                alterations.put(resource, operations);
            }
        }
        if (!alterations.isEmpty()) {
            admin.incrementalAlterConfigs(alterations).all().get();
        }
        return changes;
    }

    private List<String> adjustPartitions(Admin admin, TopicDescription description, List<String> notes)
            throws ExecutionException, InterruptedException {
        int current = description.partitions().size();
        if (current > partitions) {
            notes.add(description.name() + " keeps its " + current + " partitions (" + partitions
                    + " asked): Kafka cannot remove partitions");
        } else if (current < partitions && !increasePartitions) {
            notes.add(description.name() + " keeps its " + current + " partitions (" + partitions
                    + " asked): adding partitions moves cards away from their state, so it is done only when asked");
        } else if (current < partitions) {
            admin.createPartitions(Map.of(description.name(), NewPartitions.increaseTo(partitions))).all().get();
            return List.of("increased " + description.name() + " from " + current + " to " + partitions
                    + " partitions");
        }
        return List.of();
    }

    private Map<String, String> configsOf(Topic<?, ?> topic) {
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        if (minInSyncReplicas != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSyncReplicas.toString());
        }
        Duration kept = retention.get(topic.name());
        if (kept != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis()));
        }
        return configs;
    }

    private static String listed(Map<String, String> configs) {
        StringBuilder text = new StringBuilder();
        configs.forEach((name, value) -> text.append(", ").append(name).append('=').append(value));
        return text.toString();
    }
}
