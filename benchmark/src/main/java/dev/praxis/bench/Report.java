package dev.praxis.bench;

import java.util.ArrayList;
import java.util.List;

/** The one table the benchmark prints: each figure beside its baseline and its target. */
final class Report {

    record Row(String measure, String praxis, String baseline, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String measure, String praxis, String baseline, String ratio, String target, Boolean met) {
        Row row = new Row(measure, praxis, baseline, ratio, target, met == null ? "-" : met ? "yes" : "NO");
        rows.add(row);
        System.out.printf("    -> %s: %s | baseline %s | ratio %s | target %s | met %s%n", row.measure(), row.praxis(),
                row.baseline(), row.ratio(), row.target(), row.met());
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Measure | Praxis | Baseline | Ratio | Target | Met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.measure()).append(" | ").append(r.praxis()).append(" | ").append(r.baseline())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ").append(r.met())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    static String ms(double millis) {
        return millis < 10 ? "%.1f ms".formatted(millis) : "%.0f ms".formatted(millis);
    }

    static String rate(double perSecond) {
        return "%,.0f/s".formatted(perSecond);
    }

    static String mib(long bytes) {
        return "%d MiB".formatted(bytes >> 20);
    }

    static String ratio(double r) {
        return "%.2f".formatted(r);
    }
}
