package io.cardwatch.benchmarks;

import io.cardwatch.events.ListEntry;
import io.cardwatch.events.Topics;
import io.cardwatch.local.LocalStack;
import io.cardwatch.simulator.BatchHttpSender;
import io.cardwatch.simulator.DetectionReport;
import io.cardwatch.simulator.DetectionReportMain;
import io.cardwatch.simulator.RunSummary;
import io.cardwatch.simulator.Scenario;
import io.cardwatch.simulator.Simulation;
import io.cardwatch.simulator.SimulationSettings;
import io.cardwatch.simulator.TrafficModel;
import java.io.Writer;
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
 * The simulator's labelled traffic posted to the gateway's batch endpoint as fast as it takes it, until every
 * accepted transaction has its decision row in PostgreSQL: the end-to-end rate of the whole system, then the
 * detection report from the rows.
 */
final class LabelledRun {

    private static final long SEED = 42;
    private static final int CARDS = 5_000;
    // About eight purchases a card a day, the event times ending an hour ago: the rules see a portfolio's rhythm.
    private static final Duration SPACING = Duration.ofMillis(2_000);
    private static final int BATCH = 200;
    private static final int IN_FLIGHT = 4_000;

    private LabelledRun() {
    }

    record Outcome(Rate ingest, Rate endToEnd, DetectionReport report) {
    }

    static Outcome run(LocalStack stack, DecisionTable table, long count, Path labelsFile) throws Exception {
        blocklistFraudulentMerchants(stack.infrastructure().kafkaBootstrapServers());
        Instant start = Instant.now().minus(Duration.ofHours(1)).minus(SPACING.multipliedBy(count));
        var traffic = new TrafficModel(new SimulationSettings(SEED, CARDS, SPACING, 0.01, start));
        long begun = System.nanoTime();
        RunSummary summary;
        try (Writer labels = Files.newBufferedWriter(labelsFile, StandardCharsets.UTF_8);
             var sender = new BatchHttpSender(stack.gatewayUrl(), LocalStack.API_KEY, BATCH, Duration.ofMillis(5), 50)) {
            labels.write("transactionId,scenario,episode\n");
            summary = new Simulation(traffic, sender, IN_FLIGHT).run(count, 0, labels, progress -> { });
        }
        Rate ingest = new Rate(summary.accepted(), summary.elapsed());
        long stored = table.awaitRowsOf("sim-" + SEED + "-", summary.accepted(), Duration.ofMinutes(15));
        Rate endToEnd = new Rate(stored, Duration.ofNanos(System.nanoTime() - begun));
        return new Outcome(ingest, endToEnd, DetectionReportMain.report(labelsFile, table.connection()));
    }

    // As an operator would: through the card-lists topic, before the traffic.
    private static void blocklistFraudulentMerchants(String bootstrap) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Topics.CARD_LISTS.keySerde().serializer(),
                Topics.CARD_LISTS.valueSerde().serializer())) {
            for (String merchant : Scenario.blocklistedMerchants()) {
                producer.send(new ProducerRecord<>(Topics.CARD_LISTS.name(), ListEntry.merchantKey(merchant),
                        new ListEntry(ListEntry.ListType.BLOCK, "known fraudulent merchant"))).get();
            }
        }
    }
}
