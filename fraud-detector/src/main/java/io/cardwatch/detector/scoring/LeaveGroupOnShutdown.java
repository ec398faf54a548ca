package io.cardwatch.detector.scoring;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes Kafka Streams leaving its consumer group, before the framework's own close, which stays in it. Staying
 * suits a restart that comes back with the same member identity; a pod replaced in a rollout or scaled away
 * never does, and its partitions would go unscored until the group's session timeout (45 s) expired.
 */
@Context
@Requires(beans = KafkaStreams.class)
class LeaveGroupOnShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveGroupOnShutdown.class);

    private final KafkaStreams streams;
    private final ConfiguredStreamBuilder builder;

    // Depending on the streams bean, this one is destroyed before it.
    LeaveGroupOnShutdown(KafkaStreams streams, ConfiguredStreamBuilder builder) {
        this.streams = streams;
        this.builder = builder;
    }

    @PreDestroy
    void leaveGroup() {
        LOG.info("Closing Kafka Streams ({}) and leaving its consumer group, so that its partitions move at once",
                streams.state());
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(builder.getCloseTimeout()));
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {}", builder.getCloseTimeout());
        }
    }
}
