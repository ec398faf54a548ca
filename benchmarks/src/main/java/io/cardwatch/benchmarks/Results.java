package io.cardwatch.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The figures of a run, printed as they come and as one Markdown table at the end. */
final class Results {

    private final List<String[]> rows = new ArrayList<>();

    void add(String benchmark, String result, String note) {
        rows.add(new String[] {benchmark, result, note});
        System.out.printf("%-55s %-45s %s%n", benchmark, result, note);
    }

    String table() {
        StringBuilder table = new StringBuilder("| Benchmark | Result | Against the baseline |\n|---|---|---|\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }
}
