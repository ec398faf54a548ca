package io.cardwatch.embedded;

import io.cardwatch.events.Topic;
import io.cardwatch.events.Topics;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every Cardwatch topic on a cluster with the configs of the event contract. A topic that exists keeps
 * its partitions and data but gets the contract's configs set, so that a data directory kept from an older
 * version runs with the configs of this one.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void createAll(String bootstrapServers, int partitions) {
        List<NewTopic> topics = Topics.all().stream()
                .map(topic -> new NewTopic(topic.name(), partitions, (short) 1).configs(topic.configs()))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<ConfigResource, Collection<AlterConfigOp>> existing = new LinkedHashMap<>();
            Map<String, KafkaFuture<Void>> created = admin.createTopics(topics).values();
            for (Topic<?, ?> topic : Topics.all()) {
                try {
                    created.get(topic.name()).get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topics on " + bootstrapServers, e.getCause());
                    }
                    if (!topic.configs().isEmpty()) {
                        existing.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), set(topic.configs()));
                    }
                }
            }
            if (!existing.isEmpty()) {
                admin.incrementalAlterConfigs(existing).all().get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set topic configs on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private static List<AlterConfigOp> set(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
                        AlterConfigOp.OpType.SET))
                .toList();
    }
}
