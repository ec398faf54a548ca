package io.cardwatch.detector.backtest;

import io.cardwatch.events.Topics;
import io.cardwatch.events.Transaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line: loads a labelled history file into Kafka, on {@code transaction-history}, for the detector to
 * score it like live traffic (warming card profiles, or scoring history online). It reads the file exactly as
 * the backtest does and sends the transactions in event-time order keyed by card, so that the detector sees
 * each card's history in the order the backtest scores it. See docs/backtest.md.
 */
@Command(name = "history-load", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Publishes a labelled history, in event-time order, to the transaction-history topic.")
public final class HistoryLoadMain implements Callable<Integer> {

    @Option(names = "--bootstrap", defaultValue = "localhost:9092", paramLabel = "HOST:PORT",
            description = "The Kafka cluster's bootstrap servers.")
    private String bootstrap;

    @Mixin
    private HistoryOptions history;

    @Spec
    private CommandSpec spec;

    private HistoryLoadMain() {
    }

    public static void main(String[] args) {
        int exitCode = Commands.run(new HistoryLoadMain(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Publishes the readable transactions of {@code history} (its format from its extension) to
     * {@code transaction-history} on {@code bootstrap}, in event-time order, and returns how many were sent.
     */
    public static long load(Path history, ColumnMapping mapping, String bootstrap) throws IOException {
        return publish(new HistoryReader(mapping).read(history, HistoryFormat.of(history)), bootstrap);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        History labelled = history.read();
        labelled.reportUnreadable(out);
        long sent = publish(labelled, bootstrap);
        out.println("Sent " + sent + " transactions of " + history.file() + " to " + Topics.TRANSACTION_HISTORY.name()
                + " in event-time order; skipped " + labelled.unreadable().size() + " unreadable rows");
        return 0;
    }

    private static long publish(History history, String bootstrap) {
        // Every record stored on all in-sync replicas, once, in the order sent: a card's history in event time.
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long sent = 0;
        try (var producer = new KafkaProducer<>(config, Topics.TRANSACTION_HISTORY.keySerde().serializer(),
                Topics.TRANSACTION_HISTORY.valueSerde().serializer())) {
            for (LabelledTransaction row : history.transactions()) {
                if (failure.get() != null) {
                    break;
                }
                Transaction transaction = row.transaction();
                producer.send(new ProducerRecord<>(Topics.TRANSACTION_HISTORY.name(), transaction.cardId(), transaction),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            }
                        });
                sent++;
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new KafkaException("Loading history stopped: a transaction could not be stored", failure.get());
        }
        return sent;
    }
}
