package io.cardwatch.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.cardwatch.local.LocalStack;
import io.cardwatch.simulator.BatchHttpSender;
import io.cardwatch.simulator.DetectionReport;
import io.cardwatch.simulator.DetectionReportMain;
import io.cardwatch.simulator.HistoryFile;
import io.cardwatch.simulator.RunSummary;
import io.cardwatch.simulator.Scenario;
import io.cardwatch.simulator.Simulation;
import io.cardwatch.simulator.SimulationLabels;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The simulator's default labelled run (seed 42, 2,000 cards, 100,000 transactions over six days of event time)
 * posted to the gateway's batch endpoint as fast as it takes it, until every accepted transaction has its
 * decision row in PostgreSQL: the end-to-end rate of the whole system, then the detection report from the rows.
 * It also writes the same traffic as a labelled history file and the card lists it ran under, so that the
 * backtest scores exactly what the live system did (docs/backtest.md).
 */
final class LabelledRun {

    static final long SEED = 42;
    private static final int CARDS = 2_000;
    private static final double FRAUD_RATE = 0.01;
    // About eight purchases a card a day: long enough for cards to have habits, short enough for every event
    // time to be within the detector's maximum age when posted.
    private static final Duration SPAN = Duration.ofDays(6);
    /**
     * The run starts on this day or a whole number of days later, the latest that ends before now: shifting by
     * whole days changes no local hour, so the traffic, and every decision, is the same on any day.
     */
    static final Instant FIRST_DAY = Instant.parse("2026-11-01T00:00:00Z");
    private static final int BATCH = 200;
    private static final String NOTE = "known fraudulent merchant";

    private LabelledRun() {
    }

    record Outcome(Rate ingest, Rate endToEnd, DetectionReport report, Path history, Path lists) {
    }

    static Outcome run(LocalStack stack, DecisionTable table, long count, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path lists = workDir.resolve("card-lists.jsonl");
        Path history = workDir.resolve("labelled-history.csv");
        Path labelsFile = workDir.resolve("simulation-labels.csv");
        blocklistFraudulentMerchants(stack.infrastructure().kafkaBootstrapServers(), lists);
        Instant start = FIRST_DAY.plus(Duration.ofDays(Math.max(0, Duration.between(FIRST_DAY,
                Instant.now().minus(Duration.ofHours(1)).minus(SPAN)).toDays())));
        var settings = settings(count, start);
        HistoryFile.write(new TrafficModel(settings), count, history);
        long begun = System.nanoTime();
        RunSummary summary;
        // One full batch in flight at a time (a partial one waits for the rest): a card's transactions reach Kafka
        // in event-time order, the order the backtest scores them in.
        try (var labels = new SimulationLabels.Writer(Files.newBufferedWriter(labelsFile, StandardCharsets.UTF_8));
             var sender = new BatchHttpSender(stack.gatewayUrl(), LocalStack.API_KEY, BATCH, Duration.ofSeconds(1), 50)) {
            summary = new Simulation(new TrafficModel(settings), sender, BATCH).run(count, 0, labels, progress -> { });
        }
        Rate ingest = new Rate(summary.accepted(), summary.elapsed());
        long stored = table.awaitRowsOf("sim-" + SEED + "-", summary.accepted(), Duration.ofMinutes(15));
        Rate endToEnd = new Rate(stored, Duration.ofNanos(System.nanoTime() - begun));
        return new Outcome(ingest, endToEnd, DetectionReportMain.report(labelsFile, table.connection()), history,
                lists);
    }

    /** The default run's traffic: {@code count} transactions over six days of event time from {@code start}. */
    static SimulationSettings settings(long count, Instant start) {
        return SimulationSettings.covering(SEED, CARDS, FRAUD_RATE, count, start, start.plus(SPAN));
    }

    // As an operator would: through the card-lists topic, before the traffic; and the same entries for the
    // backtest.
    private static void blocklistFraudulentMerchants(String bootstrap, Path lists) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder entries = new StringBuilder();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Topics.CARD_LISTS.keySerde().serializer(),
                Topics.CARD_LISTS.valueSerde().serializer())) {
            for (String merchant : Scenario.blocklistedMerchants()) {
                producer.send(new ProducerRecord<>(Topics.CARD_LISTS.name(), ListEntry.merchantKey(merchant),
                        new ListEntry(ListEntry.ListType.BLOCK, NOTE))).get();
                entries.append(json.writeValueAsString(Map.of("key", ListEntry.merchantKey(merchant),
                        "list", ListEntry.ListType.BLOCK.name(), "note", NOTE))).append('\n');
            }
        }
        Files.writeString(lists, entries);
    }
}
