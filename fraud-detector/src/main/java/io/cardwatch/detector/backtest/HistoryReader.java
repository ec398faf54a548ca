package io.cardwatch.detector.backtest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.cardwatch.detector.backtest.History.UnreadableRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a labelled history file through a {@link ColumnMapping}, for the backtest and the history loader alike,
 * so that both see the same transactions in the same order. A row that cannot be read is set aside with its
 * line and the reason, and reading goes on; a file whose header lacks a mapped column, or that is not CSV at
 * all, cannot be read.
 */
final class HistoryReader {

    // Without a schema, and wrapped as an array, every CSV row is an array of strings that carries its line.
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    // Decimal amounts as written: 12.50 stays 12.50, as a BigDecimal parsed from the text of a CSV would.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final ColumnMapping mapping;

    HistoryReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    History read(Path file, HistoryFormat format) throws IOException {
        Rows rows = new Rows();
        switch (format) {
            case CSV -> readCsv(file, rows);
            case JSONL -> readJsonLines(file, rows);
        }
        // History is scored in event time; List.sort is stable, so equal times keep the file's order.
        rows.transactions.sort(Comparator.comparing(row -> row.transaction().eventTime()));
        return new History(rows.transactions, rows.unreadable);
    }

    private void readCsv(Path file, Rows rows) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = CSV.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            CsvRow header = CsvRow.next(parser);
            if (header == null) {
                return;
            }
            List<String> names = names(header.values());
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.putIfAbsent(names.get(i), i);
            }
            List<String> missing = mapping.missingColumns(columns.keySet());
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file + " has no column for " + String.join(", ", missing)
                        + "; its header is " + names);
            }
            for (CsvRow row = CsvRow.next(parser); row != null; row = CsvRow.next(parser)) {
                rows.add(row.line(), row.byColumn(columns));
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + e.getLocation().getLineNr() + " cannot be read as CSV: "
                    + e.getOriginalMessage(), e);
        }
    }

    private void readJsonLines(Path file, Rows rows) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode object;
                try {
                    object = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    rows.unreadable(line, "not JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (!object.isObject()) {
                    rows.unreadable(line, "not a JSON object");
                    continue;
                }
                rows.add(line, field -> textOf(object.get(field)));
            }
        }
    }

    private static List<String> names(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        for (String name : header) {
            // Spreadsheet exports often start with a byte order mark, which would stick to the first name.
            names.add((names.isEmpty() && name.startsWith(BYTE_ORDER_MARK) ? name.substring(1) : name).trim());
        }
        return names;
    }

    private static String textOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            // Plain digits, never 7.5E+3: numbers are read as the same text a CSV file would hold.
            return value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The rows read so far. */
    private final class Rows {

        final List<LabelledTransaction> transactions = new ArrayList<>();
        final List<UnreadableRow> unreadable = new ArrayList<>();

        void add(long line, Function<String, String> row) {
            try {
                transactions.add(mapping.transactionIn(row));
            } catch (IllegalArgumentException e) {
                unreadable(line, e.getMessage());
            }
        }

        void unreadable(long line, String reason) {
            unreadable.add(new UnreadableRow(line, reason));
        }
    }

    /** One CSV row: its values, and the line it starts on. */
    private record CsvRow(long line, List<String> values) {

        /** The next row, or null after the last. */
        static CsvRow next(JsonParser parser) throws IOException {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            long line = -1;
            List<String> values = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                // The first value's location is where the row starts; the array's own is not kept up to date.
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                values.add(parser.getText());
            }
            return new CsvRow(line, values);
        }

        Function<String, String> byColumn(Map<String, Integer> columns) {
            return column -> {
                Integer index = columns.get(column);
                return index == null || index >= values.size() ? null : values.get(index);
            };
        }
    }
}
