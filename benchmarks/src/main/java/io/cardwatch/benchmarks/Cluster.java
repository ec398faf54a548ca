package io.cardwatch.benchmarks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionFactory;

/** Admin chores of the benchmarks: scratch topics, and how far a consumer group has got. */
final class Cluster implements AutoCloseable {

    private final Admin admin;

    Cluster(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    void create(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }

    long endOffsets(String topic) throws Exception {
        Set<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    long committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    void rewind(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = partitions(topic).stream()
                .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    private Set<TopicPartition> partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
    }

    /**
     * The rate at which {@code progress} goes from its first movement to {@code target}: start-up time of
     * whatever does the work is left out.
     */
    static Rate timeProgress(Supplier<Long> progress, long target, Duration timeout) {
        long initial = progress.get();
        // Polled often: the time between two polls is the error of the rate measured.
        ConditionFactory polling = await().atMost(timeout).pollInterval(Duration.ofMillis(20));
        polling.until(progress::get, done -> done > initial);
        long started = System.nanoTime();
        polling.until(progress::get, done -> done >= target);
        return new Rate(target - initial, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        admin.close();
    }
}
