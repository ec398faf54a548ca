package io.cardwatch.benchmarks;

import io.cardwatch.local.LocalStack;
import io.cardwatch.local.LocalStackOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Only the labelled run of the suite, on its own embedded stack: the detection report of the live system, and
 * the files that give the backtest the same traffic. {@code -Pbenchmark -Dbench.main=io.cardwatch.benchmarks.DetectionRun}.
 */
public final class DetectionRun {

    private static final long TRANSACTIONS = 100_000;

    private DetectionRun() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("cardwatch.home", ".")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("benchmarks/target/detection-run");
        try (LocalStack stack = LocalStack.startEmbedded(LocalStackOptions.forTest(home, dataDir), Map.of(
                "cardwatch.auth.producers.local.requests-per-second", "1000000",
                "cardwatch.auth.producers.local.burst", "1000000"));
             DecisionTable table = new DecisionTable(stack.infrastructure())) {
            var run = LabelledRun.run(stack, table, TRANSACTIONS, dataDir);
            System.out.println("Live run: " + run.endToEnd() + " end to end, posted at " + run.ingest());
            System.out.println(run.report());
            System.out.println("The same traffic for the backtest: --history " + run.history() + " --lists "
                    + run.lists());
        }
    }
}
