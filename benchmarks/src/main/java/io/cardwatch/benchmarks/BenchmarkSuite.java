package io.cardwatch.benchmarks;

import io.cardwatch.local.LocalStack;
import io.cardwatch.local.LocalStackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark on one embedded stack, side by side with its baseline, and prints a table.
 * {@code -Dbench.scale} scales volumes and durations (1.0 is the documented run). See docs/benchmarks.md.
 */
public final class BenchmarkSuite {

    private static final List<Integer> END_TO_END_RATES = List.of(1_000, 2_000, 5_000, 10_000);
    private static final int BATCH_SIZE = 100;
    // The producer's rate limit is lifted: the gateway's own capacity is measured, not its throttle.
    private static final Map<String, String> UNTHROTTLED = Map.of(
            "cardwatch.auth.producers.local.requests-per-second", "1000000",
            "cardwatch.auth.producers.local.burst", "1000000");
    private static final List<Integer> BATCH_REQUEST_RATES = List.of(100, 200);

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("benchmarks/target/bench-run");
        Results results = new Results();
        String detection;
        System.out.println(Hardware.describe());
        try (LocalStack stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir), UNTHROTTLED);
             Cluster cluster = new Cluster(stack.infrastructure().kafkaBootstrapServers());
             DecisionTable table = new DecisionTable(stack.infrastructure())) {
            String bootstrap = stack.infrastructure().kafkaBootstrapServers();
            long records = (long) (300_000 * scale);

            cluster.create("bench-producer", 6);
            Rate producer = ProducerBaseline.run(bootstrap, "bench-producer", records,
                    dataDir.resolve("logs/producer-performance.log"));
            results.add("Kafka producer baseline (300 B, acks=all, idempotent)", producer.toString(), "baseline");
            Rate passthrough = PassthroughBaseline.run(cluster, bootstrap, records, dataDir.resolve("passthrough-state"));
            results.add("Kafka Streams passthrough baseline (EOS v2)", passthrough.toString(), "baseline");

            long transactions = (long) (200_000 * scale);
            Rate scoring = DetectorThroughput.scoring(stack, cluster, transactions);
            results.add("Scoring topology (fraud-detector)", scoring.toString(), scoring.ratioTo(passthrough));
            Rate sink = DetectorThroughput.sink(stack, table, transactions);
            Rate copy = CopyBaseline.run(stack.infrastructure(), (long) (200_000 * scale));
            results.add("COPY into decisions baseline", copy.toString(), "baseline");
            results.add("Decision sink into PostgreSQL", sink.toString(), sink.ratioTo(copy));

            Duration window = Duration.ofSeconds(Math.max(5, (long) (20 * scale)));
            DetectorThroughput.awaitIdle(cluster, table);
            var single = new FixedRateHttpLoad(stack.gatewayUrl(), 7, 1).run(5_000, window, (id, intended) -> { });
            results.add("Gateway single-event ingest, offered 5,000 req/s", single.requests() + ", "
                    + single.errors() + " errors", single.latencies().toString());
            for (int requestsPerSecond : BATCH_REQUEST_RATES) {
                DetectorThroughput.awaitIdle(cluster, table);
                var batch = new FixedRateHttpLoad(stack.gatewayUrl(), requestsPerSecond, BATCH_SIZE)
                        .run(requestsPerSecond, window.dividedBy(2), (id, intended) -> { });
                results.add(String.format("Gateway batch ingest (%d a request), offered %,d tx/s", BATCH_SIZE,
                                requestsPerSecond * BATCH_SIZE),
                        batch.events() + " in " + batch.requests().count() + " requests, " + batch.errors() + " errors",
                        batch.latencies().toString());
            }

            int sustainable = 0;
            for (int rate : END_TO_END_RATES) {
                DetectorThroughput.awaitIdle(cluster, table);
                try (DecisionWatch watch = new DecisionWatch(bootstrap)) {
                    var load = new FixedRateHttpLoad(stack.gatewayUrl(), rate, 1).run(rate, window, watch);
                    Latencies endToEnd = watch.awaitAll(Duration.ofSeconds(60));
                    results.add(String.format("End to end event→decision, offered %,d tx/s", rate), load.requests()
                            + ", " + watch.missing() + " undecided", endToEnd.toString());
                    if (endToEnd.percentileMillis(99) <= 100 && load.requests().perSecond() >= 0.95 * rate) {
                        sustainable = rate;
                    }
                }
            }
            results.add("Highest tested rate with p99 ≤ 100 ms", sustainable + " tx/s", "");

            DetectorThroughput.awaitIdle(cluster, table);
            var labelled = LabelledRun.run(stack, table, (long) (100_000 * scale), dataDir);
            results.add("End to end through the batch endpoint into PostgreSQL, as fast as taken",
                    labelled.endToEnd().toString(), "posted at " + labelled.ingest());
            detection = labelled.report().toString() + "\nThe same traffic for the backtest: --history "
                    + labelled.history() + " --lists " + labelled.lists() + "\n";

            results.add("Resident memory, ingest-gateway", Hardware.residentMemory(stack.gateway().pid()), "");
            results.add("Resident memory, fraud-detector", Hardware.residentMemory(stack.detector().pid()), "");
        }
        String table = results.table() + "\nDetection quality of the labelled run (decisions in PostgreSQL):\n\n```\n"
                + detection + "```\n";
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
    }
}
