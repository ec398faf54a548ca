package io.cardwatch.detector.backtest;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options naming a labelled history file and how to read it, shared by the backtest and the loader. */
public final class HistoryOptions {

    @Option(names = "--history", required = true, paramLabel = "FILE",
            description = "The labelled history: CSV with a header row, or JSON lines.")
    private Path history;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "Column mapping (.properties) of a layout other than Cardwatch's own.")
    private Path mapping;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "The history's format (default: from its extension, .csv, or .jsonl or .json).")
    private HistoryFormat format;

    public Path file() {
        return history;
    }

    /** The file's readable transactions in event-time order, and its unreadable rows. */
    History read() throws IOException {
        ColumnMapping columns = mapping == null ? ColumnMapping.defaultLayout() : ColumnMapping.read(mapping);
        return new HistoryReader(columns).read(history, format == null ? HistoryFormat.of(history) : format);
    }
}
