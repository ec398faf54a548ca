package io.cardwatch.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line: sends simulated traffic to the gateway or Kafka, writing the label of each accepted
 * transaction, or with {@code --history FILE} writes it as a labelled history file instead. See
 * docs/simulator.md.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Sends deterministic, labelled card traffic, or writes it as a labelled history file.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--target", defaultValue = "http://127.0.0.1:8080",
            description = "The gateway (http://...), or a Kafka cluster (kafka://host:port).")
    private String target;

    @Option(names = "--count", defaultValue = "10000", description = "Transactions to send (or to write).")
    private long count;

    @Option(names = "--rate", defaultValue = "1000", description = "Per second; 0 sends as fast as possible.")
    private double rate;

    @Option(names = "--concurrency", description = "Most transactions in flight at once (default: 64, or 4 x --batch).")
    private Integer concurrency;

    @Option(names = "--batch", defaultValue = "1", description = "Transactions per HTTP request.")
    private int batch;

    @Option(names = "--linger-ms", defaultValue = "5", description = "How long a batch that is not full waits.")
    private long lingerMs;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds every random choice.")
    private long seed;

    @Option(names = "--cards", defaultValue = "10000", description = "Size of the card population.")
    private int cards;

    @Option(names = "--fraud-rate", defaultValue = "0.01", description = "Share of generated slots that start a fraud episode.")
    private double fraudRate;

    @Option(names = "--api-key", defaultValue = "local-dev-key", description = "The producer's API key.")
    private String apiKey;

    @Option(names = "--labels", defaultValue = "simulation-labels.csv",
            description = "Where the label of each accepted transaction is written.")
    private Path labels;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Write the transactions to this labelled history file instead of sending them.")
    private Path history;

    @Option(names = "--days", defaultValue = "30", description = "With --history: the days of event time the history covers.")
    private double days;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Event time of the first transaction, ISO-8601 (default: now; with --history, --days before now).")
    private String start;

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line and returns its exit code: 0, 1 when it failed, 2 for a usage error. */
    static int run(String... args) {
        return new CommandLine(new SimulatorMain()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (history != null) {
            Duration span = Duration.ofSeconds(Math.round(days * 86_400));
            Instant from = start != null ? Instant.parse(start) : Instant.now().minus(span);
            var settings = SimulationSettings.covering(seed, cards, fraudRate, count, from, from.plus(span));
            HistoryFile.Written written = HistoryFile.write(new TrafficModel(settings), count, history);
            System.out.println("Wrote " + written + " to " + history);
            return 0;
        }
        var settings = new SimulationSettings(seed, cards, rate > 0 ? Duration.ofNanos((long) (1e9 / rate))
                : Duration.ofMillis(1), fraudRate, start != null ? Instant.parse(start) : Instant.now());
        // Enough in flight to fill several batches at once.
        int inFlight = concurrency != null ? concurrency : Math.max(64, 4 * batch);
        try (TransactionSender sender = sender(target, apiKey, batch, Duration.ofMillis(lingerMs));
             var labelWriter = new SimulationLabels.Writer(Files.newBufferedWriter(labels, StandardCharsets.UTF_8))) {
            RunSummary summary = new Simulation(new TrafficModel(settings), sender, inFlight)
                    .run(count, rate, labelWriter, progress -> System.out.println(progress));
            System.out.println("Done in " + summary + "; labels in " + labels);
        }
        return 0;
    }

    static TransactionSender sender(String target, String apiKey, int batch, Duration linger) {
        if (target.startsWith("kafka://")) {
            return new KafkaSender(target.substring("kafka://".length()));
        }
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return batch > 1 ? new BatchHttpSender(target, apiKey, batch, linger, 50) : new HttpSender(target, apiKey, 50);
        }
        throw new IllegalArgumentException("--target is http(s)://host:port or kafka://bootstrap, not " + target);
    }
}
