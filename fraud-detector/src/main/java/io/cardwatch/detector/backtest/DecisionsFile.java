package io.cardwatch.detector.backtest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The backtest's decision on each transaction as CSV, in scoring order, for a look at single cases or a
 * comparison with the decisions the detector made online: {@code transactionId,cardId,eventTime,fraud,outcome,
 * score,reasons}, reasons being the codes joined with {@code |}.
 */
final class DecisionsFile {

    // Quoted only where CSV needs it: by default long values (transaction IDs) would be quoted regardless.
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    private DecisionsFile() {
    }

    @JsonPropertyOrder({"transactionId", "cardId", "eventTime", "fraud", "outcome", "score", "reasons"})
    record Row(String transactionId, String cardId, String eventTime, boolean fraud, String outcome, int score,
               String reasons) {

        static Row of(TransactionResult result) {
            return new Row(result.transactionId(), result.cardId(), result.eventTime().toString(), result.fraud(),
                    result.outcome().name(), result.score(), String.join("|", result.reasons()));
        }
    }

    static void write(Path file, List<TransactionResult> results) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rows = CSV.writer(SCHEMA).writeValues(out)) {
            for (TransactionResult result : results) {
                rows.write(Row.of(result));
            }
        }
    }
}
