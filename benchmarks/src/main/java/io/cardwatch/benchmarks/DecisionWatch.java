package io.cardwatch.benchmarks;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Tails the decisions topic (committed records only, as any consumer sees them) and times each expected
 * transaction from its intended send to its decision.
 */
final class DecisionWatch implements AutoCloseable, FixedRateHttpLoad.Listener {

    private final KafkaConsumer<String, Decision> consumer;
    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final Thread poller;
    private volatile boolean running = true;

    DecisionWatch(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.DECISIONS.keySerde().deserializer(), Topics.DECISIONS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DECISIONS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "decision-watch");
        poller.start();
    }

    @Override
    public void accepted(String transactionId, long intendedNanos) {
        awaited.put(transactionId, intendedNanos);
    }

    /** Waits for the decisions still expected, then returns the latencies and how many never came. */
    Latencies awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!awaited.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return latencies;
    }

    int missing() {
        return awaited.size();
    }

    private void poll() {
        while (running) {
            consumer.poll(Duration.ofMillis(20)).forEach(record -> {
                long now = System.nanoTime();
                Long intended = awaited.remove(record.value().transactionId());
                if (intended != null) {
                    latencies.record(intended, now);
                }
            });
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
