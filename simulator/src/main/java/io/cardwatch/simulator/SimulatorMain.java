package io.cardwatch.simulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line: {@code --target http://127.0.0.1:8080} (or {@code kafka://127.0.0.1:9092}), {@code --count},
 * {@code --rate} (per second; 0 = as fast as possible), {@code --seed}, {@code --cards}, {@code --fraud-rate},
 * {@code --concurrency}, {@code --batch} (transactions per HTTP request), {@code --linger-ms}, {@code --labels FILE},
 * {@code --api-key}. See docs/simulator.md.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = parse(args);
        String target = options.getOrDefault("target", "http://127.0.0.1:8080");
        long count = Long.parseLong(options.getOrDefault("count", "10000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
        var settings = new SimulationSettings(Long.parseLong(options.getOrDefault("seed", "1")),
                Integer.parseInt(options.getOrDefault("cards", "10000")),
                rate > 0 ? Duration.ofNanos((long) (1e9 / rate)) : Duration.ofMillis(1),
                Double.parseDouble(options.getOrDefault("fraud-rate", "0.01")), Instant.now());
        Path labels = Path.of(options.getOrDefault("labels", "simulation-labels.csv"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1"));
        // Enough in flight to fill several batches at once.
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", String.valueOf(Math.max(64, 4 * batch))));
        try (TransactionSender sender = sender(target, options.getOrDefault("api-key", "local-dev-key"), batch,
                Duration.ofMillis(Long.parseLong(options.getOrDefault("linger-ms", "5"))));
             Writer labelWriter = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
            labelWriter.write("transactionId,scenario,episode\n");
            RunSummary summary = new Simulation(new TrafficModel(settings), sender, concurrency)
                    .run(count, rate, labelWriter, progress -> System.out.println(progress));
            System.out.println("Done in " + summary + "; labels in " + labels);
        }
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

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
