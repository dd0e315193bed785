package dev.praxis.command.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, kind by kind (members, questions, votes, ...): how many records were imported
 * now, how many had been imported before (a re-run or a resumed import), and how many were skipped
 * and why; plus the problems found in the input, each with its file and line.
 */
public final class ImportReport {

    /** The counts of one kind of record. */
    public static final class Counts {
        private long imported;
        private long already;
        private final Map<String, Long> skipped = new TreeMap<>();

        public long imported() {
            return imported;
        }

        public long alreadyImported() {
            return already;
        }

        /** Imported now or before: what the community holds of this kind. */
        public long total() {
            return imported + already;
        }

        public Map<String, Long> skipped() {
            return Collections.unmodifiableMap(skipped);
        }

        public long skippedCount() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A problem of the input: the file, the line (0 when it concerns the whole file) and what is wrong. */
    public record Problem(String file, long line, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
        }
    }

    /** How many problems the report keeps word for word; all are counted. */
    static final int PROBLEMS_KEPT = 1_000;

    private final Map<String, Counts> kinds = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private String communityId;
    private long commandsSent;

    synchronized void imported(String kind) {
        counts(kind).imported++;
        commandsSent++;
    }

    synchronized void already(String kind) {
        counts(kind).already++;
    }

    synchronized void skipped(String kind, String reason) {
        counts(kind).skipped.merge(reason, 1L, Long::sum);
    }

    /** A record skipped because of a problem of the input, reported with its file and line. */
    synchronized void problem(String kind, String reason, String file, long line, String message) {
        if (kind != null) {
            skipped(kind, reason);
        }
        problemCount++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(new Problem(file, line, message));
        }
    }

    void communityId(String communityId) {
        this.communityId = communityId;
    }

    public String communityId() {
        return communityId;
    }

    public synchronized Counts counts(String kind) {
        return kinds.computeIfAbsent(kind, k -> new Counts());
    }

    public synchronized Map<String, Counts> kinds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    public synchronized long problemCount() {
        return problemCount;
    }

    /** Commands that took effect in this run. */
    public synchronized long commandsSent() {
        return commandsSent;
    }

    /** The report as a table, with the problems below it. */
    public synchronized String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-18s %9s %9s %9s  %s%n", "kind", "imported", "before", "skipped", "why skipped"));
        kinds.forEach((kind, c) -> {
            List<String> reasons = new ArrayList<>();
            c.skipped.forEach((reason, n) -> reasons.add(n + " " + reason));
            out.append(String.format("%-18s %9d %9d %9d  %s%n", kind, c.imported, c.already, c.skippedCount(),
                    reasons.isEmpty() ? "" : reasons.get(0)));
            for (int i = 1; i < reasons.size(); i++) {
                out.append(String.format("%-18s %9s %9s %9s  %s%n", "", "", "", "", reasons.get(i)));
            }
        });
        if (problemCount > 0) {
            out.append(problemCount).append(" problem(s) in the input").append(problemCount > problems.size()
                    ? " (the first " + problems.size() + " shown)" : "").append(':').append(System.lineSeparator());
            problems.forEach(p -> out.append("  ").append(p).append(System.lineSeparator()));
        }
        return out.toString();
    }
}
