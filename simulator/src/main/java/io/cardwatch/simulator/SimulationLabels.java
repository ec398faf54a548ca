package io.cardwatch.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of a simulation run: CSV with the header {@code transactionId,scenario,episode}, one row for each
 * transaction the target accepted, which the detection report reads back.
 */
public final class SimulationLabels {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    private SimulationLabels() {
    }

    /** Reads the label of each transaction of a labels file, by transaction ID. */
    public static Map<String, DetectionReport.Label> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** Reads the label of each transaction in {@code in}, by transaction ID; leaves it open. */
    public static Map<String, DetectionReport.Label> read(Reader in) throws IOException {
        Map<String, DetectionReport.Label> labels = new HashMap<>();
        try (MappingIterator<Row> rows = CSV.readerFor(Row.class).with(SCHEMA).readValues(in)) {
            rows.forEachRemaining(row -> labels.put(row.transactionId(),
                    new DetectionReport.Label(row.scenario(), row.episode())));
        }
        return labels;
    }

    @JsonPropertyOrder({"transactionId", "scenario", "episode"})
    record Row(String transactionId, Scenario scenario, long episode) {
    }

    /** Writes labels, header first; safe to call from the threads that settle deliveries. */
    public static final class Writer implements AutoCloseable {

        private final SequenceWriter rows;

        public Writer(java.io.Writer out) throws IOException {
            this.rows = CSV.writer(SCHEMA).writeValues(out);
        }

        synchronized void write(LabelledTransaction labelled) {
            try {
                rows.write(new Row(labelled.transaction().transactionId(), labelled.scenario(), labelled.episode()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the label of " + labelled, e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            rows.close();
        }
    }
}
