package io.cardwatch.benchmarks;

import io.cardwatch.local.LocalStack;
import io.cardwatch.local.LocalStackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs every benchmark on one embedded stack, side by side with its baseline, and prints a table.
 * {@code -Dbench.scale} scales volumes and durations (1.0 is the documented run). See docs/benchmarks.md.
 */
public final class BenchmarkSuite {

    private static final List<Integer> END_TO_END_RATES = List.of(1_000, 2_000, 5_000, 10_000);

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("benchmarks/target/bench-run");
        Results results = new Results();
        System.out.println(Hardware.describe());
        try (LocalStack stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir));
             Cluster cluster = new Cluster(stack.infrastructure().kafkaBootstrapServers())) {
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
            Rate sink = DetectorThroughput.sink(stack, transactions);
            Rate copy = CopyBaseline.run(stack.infrastructure(), (long) (200_000 * scale));
            results.add("COPY into decisions baseline", copy.toString(), "baseline");
            results.add("Decision sink into PostgreSQL", sink.toString(), sink.ratioTo(copy));

            Duration window = Duration.ofSeconds(Math.max(5, (long) (20 * scale)));
            var single = new FixedRateHttpLoad(stack.gatewayUrl(), 7).run(5_000, window, (id, intended) -> { });
            results.add("Gateway single-event ingest, offered 5000 req/s", single.accepted() + ", " + single.errors()
                    + " errors", single.latencies().toString());

            int sustainable = 0;
            for (int rate : END_TO_END_RATES) {
                try (DecisionWatch watch = new DecisionWatch(bootstrap)) {
                    var load = new FixedRateHttpLoad(stack.gatewayUrl(), rate).run(rate, window, watch);
                    Latencies endToEnd = watch.awaitAll(Duration.ofSeconds(60));
                    results.add("End to end event→decision, offered " + rate + " tx/s", load.accepted() + ", "
                            + watch.missing() + " undecided", endToEnd.toString());
                    if (endToEnd.percentileMillis(99) <= 100 && load.accepted().perSecond() >= 0.95 * rate) {
                        sustainable = rate;
                    }
                }
            }
            results.add("Highest tested rate with p99 ≤ 100 ms", sustainable + " tx/s", "");

            results.add("Resident memory, ingest-gateway", Hardware.residentMemory(stack.gateway().pid()), "");
            results.add("Resident memory, fraud-detector", Hardware.residentMemory(stack.detector().pid()), "");
        }
        String table = results.table();
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("results.md"), table);
        System.out.println();
        System.out.println(table);
    }
}
