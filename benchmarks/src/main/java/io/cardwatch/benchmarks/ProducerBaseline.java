package io.cardwatch.benchmarks;

import io.cardwatch.embedded.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own ProducerPerformance with the gateway's durability settings: the ceiling for ingest. */
final class ProducerBaseline {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec.*");

    private ProducerBaseline() {
    }

    static Rate run(String bootstrap, String topic, long records, Path log) throws Exception {
        Process tool = ChildJvm.start("producer-performance", System.getProperty("java.class.path"),
                List.of("-Xmx512m"), "org.apache.kafka.tools.ProducerPerformance",
                List.of("--topic", topic, "--num-records", Long.toString(records), "--record-size", "300",
                        "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                        "enable.idempotence=true", "compression.type=none", "linger.ms=5"), log);
        ChildJvm.awaitExit(tool, Duration.ofMinutes(10));
        for (String line : Files.readAllLines(log)) {
            Matcher summary = SUMMARY.matcher(line.trim());
            if (summary.matches() && Long.parseLong(summary.group(1)) == records) {
                double perSecond = Double.parseDouble(summary.group(2));
                return new Rate(records, Duration.ofNanos((long) (records / perSecond * 1e9)));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary: " + ChildJvm.tail(log));
    }
}
