package io.cardwatch.embedded;

import io.cardwatch.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every Cardwatch topic on a cluster, leaving those that exist as they are. */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void createAll(String bootstrapServers, int partitions) {
        List<NewTopic> topics = Topics.all().stream()
                .map(topic -> new NewTopic(topic.name(), partitions, (short) 1).configs(topic.configs()))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topics on " + bootstrapServers, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
