package io.cardwatch.simulator;

import io.cardwatch.events.LabelledHistory;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Writes simulated traffic as a labelled history file ({@link LabelledHistory}'s layout) instead of sending
 * it: {@code fraud} is whether the scenario is a fraud one, {@code scenario} its name ({@code LEGITIMATE}
 * included), {@code episode} its episode (0 for legitimate traffic).
 */
public final class HistoryFile {

    /** What was written: transactions, the fraudulent ones among them, their episodes, and the event times covered. */
    public record Written(long transactions, long fraudulent, long episodes, Instant first, Instant last) {

        @Override
        public String toString() {
            return String.format("%d transactions (%d fraudulent, in %d episodes) from %s to %s", transactions,
                    fraudulent, episodes, first, last);
        }
    }

    private HistoryFile() {
    }

    /** Writes the next {@code count} transactions of {@code traffic} to {@code file} (UTF-8, replaced if it exists). */
    public static Written write(Iterator<LabelledTransaction> traffic, long count, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(traffic, count, out);
        }
    }

    /** Writes the next {@code count} transactions of {@code traffic} to {@code out}, header first; leaves it open. */
    public static Written write(Iterator<LabelledTransaction> traffic, long count, Writer out) throws IOException {
        long written = 0;
        long fraudulent = 0;
        Set<Long> episodes = new HashSet<>();
        Instant first = null;
        Instant last = null;
        try (var history = new LabelledHistory.Writer(new KeptOpen(out))) {
            for (long i = 0; i < count && traffic.hasNext(); i++) {
                LabelledTransaction next = traffic.next();
                boolean fraud = next.scenario().isFraud();
                history.write(next.transaction(), fraud, next.scenario().name(), next.episode());
                if (fraud) {
                    fraudulent++;
                    episodes.add(next.episode());
                }
                first = first == null ? next.transaction().eventTime() : first;
                last = next.transaction().eventTime();
                written++;
            }
        }
        return new Written(written, fraudulent, episodes.size(), first, last);
    }

    /** Flushes instead of closing, so that the caller's writer stays open. */
    private static final class KeptOpen extends FilterWriter {

        KeptOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
