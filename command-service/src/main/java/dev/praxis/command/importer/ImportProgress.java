package dev.praxis.command.importer;

import java.io.PrintStream;

/**
 * A progress bar on the terminal (stderr): the file being read, its rows, the records imported so
 * far by kind and the rate. Redrawn at most a few times a second, on one line.
 */
public final class ImportProgress implements StackExchangeImporter.Listener {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final String[] SHOWN = {"members", "questions", "answers", "revisions", "comments", "votes"};

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private String lastFile;

    public ImportProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void row(String file, long rows, ImportReport report) {
        long now = System.nanoTime();
        if (!file.equals(lastFile) || now - lastDrawn >= REDRAW_NANOS) {
            if (lastFile != null && !file.equals(lastFile)) {
                out.println();
            }
            lastFile = file;
            lastDrawn = now;
            out.print("\r" + line(file, rows, report, now));
            out.flush();
        }
    }

    /** Ends the bar's line. */
    public void done(ImportReport report) {
        if (lastFile != null) {
            out.println();
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long posts = report.counts("questions").imported() + report.counts("answers").imported();
        out.printf("import rate: %.0f posts/s, %.0f records/s (%d posts, %d records in %.1f s)%n", posts / seconds,
                report.commandsSent() / seconds, posts, report.commandsSent(), seconds);
    }

    String line(String file, long rows, ImportReport report, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-16s %8d rows |", file, rows));
        for (String kind : SHOWN) {
            text.append(' ').append(kind).append(' ').append(report.counts(kind).total());
        }
        text.append(String.format(" | %.0f records/s", report.commandsSent() / seconds));
        return text.toString();
    }
}
