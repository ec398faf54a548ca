package io.cardwatch.benchmarks;

import static org.awaitility.Awaitility.await;

import io.cardwatch.events.Decision;
import io.cardwatch.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Tails the decisions topic (committed records only, as any consumer sees them) and times each expected
 * transaction from its intended send to its decision.
 */
final class DecisionWatch implements AutoCloseable, FixedRateHttpLoad.Listener {

    private final KafkaConsumer<String, Decision> consumer;
    private final Map<String, Long> awaited = new HashMap<>();
    // A decision can be visible before its 202 has reached the client.
    private final Map<String, Long> decidedEarly = new HashMap<>();
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
    public synchronized void accepted(String transactionId, long intendedNanos) {
        Long decided = decidedEarly.remove(transactionId);
        if (decided == null) {
            awaited.put(transactionId, intendedNanos);
        } else {
            latencies.record(intendedNanos, decided);
        }
    }

    private synchronized void decided(String transactionId, long decidedNanos) {
        Long intended = awaited.remove(transactionId);
        if (intended == null) {
            decidedEarly.put(transactionId, decidedNanos);
        } else {
            latencies.record(intended, decidedNanos);
        }
    }

    /** Waits for the decisions still expected, then returns the latencies and how many never came. */
    Latencies awaitAll(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> missing() == 0);
        } catch (ConditionTimeoutException undecided) {
            // Not an error: the table reports how many decisions never came.
        }
        return latencies;
    }

    synchronized int missing() {
        return awaited.size();
    }

    private void poll() {
        while (running) {
            consumer.poll(Duration.ofMillis(20)).forEach(record -> decided(record.value().transactionId(),
                    System.nanoTime()));
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
