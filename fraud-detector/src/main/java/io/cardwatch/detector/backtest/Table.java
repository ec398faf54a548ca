package io.cardwatch.detector.backtest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text table with aligned columns: the first, which names the row, to the left; figures to the right. */
final class Table {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    Table(String... header) {
        this(Arrays.asList(header));
    }

    Table row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("A row of " + header.size() + " cells expected, got " + cells);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    Table row(String... cells) {
        return row(Arrays.asList(cells));
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        out.println(line(header, widths));
        out.println(line(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths));
        rows.forEach(row -> out.println(line(row, widths)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            if (column == 0) {
                line.append(cell).append(padding);
            } else {
                line.append(GAP).append(padding).append(cell);
            }
        }
        return line.toString().stripTrailing();
    }
}
