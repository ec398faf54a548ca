package io.cardwatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicProvisioningTest {

    private static final Duration WEEK = Duration.ofDays(7);

    private KafkaClusterTestKit kafka;
    private Map<String, Object> adminConfig;

    @BeforeEach
    void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    @AfterEach
    void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void definesEveryTopicOfTheContractWithItsConfigsAndTheClustersSettings() {
        TopicProvisioning provisioning = TopicProvisioning.of(12, (short) 3).withMinInSyncReplicas(2)
                .withRetention("transactions", WEEK).withRetention("dead-letters", Duration.ofDays(30));

        List<NewTopic> topics = provisioning.newTopics();

        assertThat(topics).extracting(NewTopic::name).containsExactly("transactions", "transaction-history",
                "decisions", "dead-letters", "alerts", "fraud-rules", "fraud-models", "card-lists", "labels");
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(12);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        });
        assertThat(configsByName(topics)).containsExactly(
                Map.entry("transactions", Map.of("message.timestamp.type", "LogAppendTime",
                        "min.insync.replicas", "2", "retention.ms", "604800000")),
                Map.entry("transaction-history", Map.of("message.timestamp.type", "LogAppendTime",
                        "min.insync.replicas", "2")),
                Map.entry("decisions", Map.of("min.insync.replicas", "2")),
                Map.entry("dead-letters", Map.of("min.insync.replicas", "2", "retention.ms", "2592000000")),
                Map.entry("alerts", Map.of("min.insync.replicas", "2")),
                Map.entry("fraud-rules", Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")),
                Map.entry("fraud-models", Map.of("cleanup.policy", "compact", "max.message.bytes", "16777216",
                        "min.insync.replicas", "2")),
                Map.entry("card-lists", Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")),
                Map.entry("labels", Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")));
    }

    @Test
    void refusesSettingsThatCouldNotApply() {
        TopicProvisioning provisioning = TopicProvisioning.of(6, (short) 3);

        assertThatThrownBy(() -> provisioning.withRetention("labels", WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels is compacted: it keeps the latest record of each key, so a retention would never apply");
        assertThatThrownBy(() -> provisioning.withRetention("payments", WEEK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No topic payments in the event contract");
        assertThatThrownBy(() -> provisioning.withMinInSyncReplicas(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Minimum in-sync replicas must be between 1 and the replication factor 3, not 4");
        assertThatThrownBy(() -> TopicProvisioning.of(0, (short) 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsEveryTopicWithItsConfigsAndChangesNothingWhenRunAgain() throws Exception {
        TopicProvisioning provisioning = TopicProvisioning.of(3, (short) 1).withMinInSyncReplicas(1)
                .withRetention("transactions", WEEK);

        TopicChanges first = provisioning.apply(adminConfig);
        TopicChanges second = provisioning.apply(adminConfig);

        assertThat(first.changes()).hasSize(9).first().isEqualTo("created transactions (3 partitions, replication "
                + "factor 1, message.timestamp.type=LogAppendTime, min.insync.replicas=1, retention.ms=604800000)");
        assertThat(second.none()).isTrue();
        assertThat(second.notes()).isEmpty();
        try (Admin admin = Admin.create(adminConfig)) {
            assertThat(partitionCounts(admin)).containsOnlyKeys(provisioning.newTopics().stream().map(NewTopic::name)
                    .toList()).allSatisfy((name, count) -> assertThat(count).isEqualTo(3));
            for (NewTopic topic : provisioning.newTopics()) {
                assertThat(configs(admin, topic.name())).as(topic.name()).containsAllEntriesOf(topic.configs());
            }
        }
    }

    @Test
    void givesAnExistingTopicTheContractsConfigsButNotMorePartitionsUnlessAsked() throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            // given topics from an older version: decisions with one partition, fraud-rules not compacted
            admin.createTopics(List.of(new NewTopic("decisions", 1, (short) 1),
                    new NewTopic("fraud-rules", 3, (short) 1))).all().get();
            TopicProvisioning provisioning = TopicProvisioning.of(3, (short) 1);

            // when
            TopicChanges kept = provisioning.apply(adminConfig);
            // The broker serves configs from metadata it applies after the controller committed the change.
            await().untilAsserted(() -> assertThat(configs(admin, "fraud-rules"))
                    .containsEntry("cleanup.policy", "compact"));
            TopicChanges increased = provisioning.increasingPartitions().apply(adminConfig);

            // then
            assertThat(kept.changes()).contains("set cleanup.policy=compact on fraud-rules (was delete)")
                    .hasSize(8);
            assertThat(kept.notes()).containsExactly("decisions keeps its 1 partitions (3 asked): adding partitions "
                    + "moves cards away from their state, so it is done only when asked");
            assertThat(increased.changes()).containsExactly("increased decisions from 1 to 3 partitions");
            assertThat(partitionCounts(admin)).containsEntry("decisions", 3);
        }
    }

    @Test
    void neverShrinksATopic() throws Exception {
        TopicProvisioning.of(3, (short) 1).apply(adminConfig);

        TopicChanges fewer = TopicProvisioning.of(2, (short) 1).increasingPartitions().apply(adminConfig);

        assertThat(fewer.none()).isTrue();
        assertThat(fewer.notes()).hasSize(9)
                .first().isEqualTo("transactions keeps its 3 partitions (2 asked): Kafka cannot remove partitions");
    }

    @Test
    void changesNothingWhenCardKeyedTopicsWouldGetDifferentPartitionCounts() throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic("transactions", 2, (short) 1))).all().get();

            assertThatThrownBy(() -> TopicProvisioning.of(3, (short) 1).apply(adminConfig))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The partition counts would be {transactions=2, transaction-history=3, "
                            + "labels=3}");
            assertThat(partitionCounts(admin)).containsOnlyKeys("transactions");
        }
    }

    private static Map<String, Map<String, String>> configsByName(List<NewTopic> topics) {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        topics.forEach(topic -> configs.put(topic.name(), topic.configs()));
        return configs;
    }

    private static Map<String, Integer> partitionCounts(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> names = admin.listTopics().names().get();
        Map<String, Integer> counts = new LinkedHashMap<>();
        admin.describeTopics(names).allTopicNames().get()
                .forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }

    private static Map<String, String> configs(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> values = new LinkedHashMap<>();
        config.entries().forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }
}
