package io.cardwatch.detector.backtest;

import java.io.PrintWriter;
import java.util.List;

/**
 * The readable rows of a history file in event-time order (file order among equal times), as the detector
 * scores a card's history, and the rows that could not be read.
 */
record History(List<LabelledTransaction> transactions, List<UnreadableRow> unreadable) {

    /** Beyond this many, unreadable rows are only counted: a wrongly mapped file would otherwise flood the output. */
    static final int LISTED_UNREADABLE = 100;

    History {
        transactions = List.copyOf(transactions);
        unreadable = List.copyOf(unreadable);
    }

    /** A row left out, with its line in the file (the first line of a CSV row that spans several) and why. */
    record UnreadableRow(long line, String reason) {

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Lists the unreadable rows (the first {@link #LISTED_UNREADABLE}) and says how many there were. */
    void reportUnreadable(PrintWriter out) {
        unreadable.stream().limit(LISTED_UNREADABLE).forEach(row -> out.println("  skipped " + row));
        if (unreadable.size() > LISTED_UNREADABLE) {
            out.println("  ... and " + (unreadable.size() - LISTED_UNREADABLE) + " more");
        }
    }
}
