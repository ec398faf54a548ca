package io.cardwatch.detector.backtest;

import java.nio.file.Path;
import java.util.Locale;

/** How a labelled history file is written: CSV with a header row, or JSON lines (one object a line). */
enum HistoryFormat {
    CSV,
    JSONL;

    /** The format the file's extension names: {@code .csv}, or {@code .jsonl} or {@code .json}. */
    static HistoryFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return JSONL;
        }
        throw new IllegalArgumentException("Cannot tell the format of " + file
                + " from its extension (.csv, .jsonl or .json): give --format csv or --format jsonl");
    }
}
