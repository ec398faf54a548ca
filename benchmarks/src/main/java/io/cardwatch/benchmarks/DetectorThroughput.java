package io.cardwatch.benchmarks;

import static org.awaitility.Awaitility.await;

import io.cardwatch.events.Topics;
import io.cardwatch.local.LocalStack;
import io.cardwatch.simulator.KafkaSender;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real fraud detector, as deployed: the scoring topology on a backlog of simulated transactions, then
 * the sink on a backlog of decisions, each measured on its own from its first progress to the end.
 */
final class DetectorThroughput {

    private static final String SCORING_GROUP = "cardwatch-fraud-detector";
    private static final String SINK_GROUP = "cardwatch-decision-sink";

    private DetectorThroughput() {
    }

    static Rate scoring(LocalStack stack, Cluster cluster, long transactions) throws Exception {
        stack.detector().stop();
        var traffic = new TrafficModel(new SimulationSettings(99, 10_000, Duration.ofMillis(1), 0.01,
                Instant.now().minus(Duration.ofMinutes(10))));
        try (var sender = new KafkaSender(stack.infrastructure().kafkaBootstrapServers())) {
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            for (long i = 0; i < transactions; i++) {
                last = sender.send(traffic.next().transaction());
            }
            last.get();
        }
        long backlog = cluster.endOffsets(Topics.TRANSACTIONS_NAME);
        stack.detector().start();
        return Cluster.timeProgress(() -> committed(cluster, SCORING_GROUP, Topics.TRANSACTIONS_NAME), backlog,
                Duration.ofMinutes(15));
    }

    /**
     * Replays the scoring run's decisions into an emptied table, with the topology idle. Counted in rows:
     * under exactly-once the topic's offsets also hold transaction markers.
     */
    static Rate sink(LocalStack stack, DecisionTable table, long decisions) throws Exception {
        Cluster.timeProgress(table::rows, decisions, Duration.ofMinutes(15));
        stack.detector().stop();
        table.truncate();
        try (Cluster cluster = new Cluster(stack.infrastructure().kafkaBootstrapServers())) {
            cluster.rewind(SINK_GROUP, "decisions");
        }
        stack.detector().start();
        return Cluster.timeProgress(table::rows, decisions, Duration.ofMinutes(15));
    }

    /**
     * Waits until the detector has scored every transaction posted so far and its sink has stored the decisions,
     * so that one benchmark's backlog does not slow the next.
     */
    static void awaitIdle(Cluster cluster, DecisionTable table) throws Exception {
        long posted = cluster.endOffsets(Topics.TRANSACTIONS_NAME);
        await("the " + posted + " transactions posted scored").atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> committed(cluster, SCORING_GROUP, Topics.TRANSACTIONS_NAME) >= posted);
        // The sink has stored the decisions once the row count stays the same for a second.
        AtomicLong previous = new AtomicLong(-1);
        await("the decisions stored").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long rows = table.rows();
                    return rows == previous.getAndSet(rows);
                });
    }

    private static long committed(Cluster cluster, String group, String topic) {
        try {
            return cluster.committed(group, topic);
        } catch (Exception notYet) {
            return 0;
        }
    }
}
