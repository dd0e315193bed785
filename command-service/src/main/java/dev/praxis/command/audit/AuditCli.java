package dev.praxis.command.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * {@code ./praxis-audit}: verification, export and import of the event store from the command line,
 * with plain JDBC against {@code PRAXIS_EVENTSTORE_URL} (user and password from
 * {@code PRAXIS_EVENTSTORE_USERNAME} / {@code _PASSWORD}; defaults: the local embedded store).
 * <pre>
 * verify [--from P] [--to Q]                         recompute the hash chain; exit 1 when broken
 * export [--from P] [--to Q] [--from-time T] [--to-time T] [--community ID] [--out FILE]
 * import-events FILE                                 into an EMPTY store only
 * </pre>
 * Exit codes: 0 done (chain intact), 1 chain broken, 2 bad usage or refused, 3 store unreachable.
 */
public final class AuditCli {

    static final String USAGE = """
            Usage: praxis-audit <command> [options]
              verify [--from P] [--to Q]       recompute the hash chain over global positions P..Q and
                                               report the first broken link (exit 1 when broken)
              export [--from P] [--to Q] [--from-time T] [--to-time T] [--community ID] [--out FILE]
                                               write the events as NDJSON (to standard output by default);
                                               T is an instant such as 2026-01-31T12:00:00Z
              import-events FILE               load an export into an EMPTY event store (all or nothing)
            The store: PRAXIS_EVENTSTORE_URL, PRAXIS_EVENTSTORE_USERNAME, PRAXIS_EVENTSTORE_PASSWORD.""";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditCli() {
    }

    public static void main(String[] args) {
        // stdout carries the report or the export: the libraries' informational logging stays out of it
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; answers the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Map<String, String> options;
        String file = null;
        try {
            options = options(args, command.equals("import-events") ? 1 : 0);
            if (command.equals("import-events")) {
                if (args.length < 2 || args[1].startsWith("--")) {
                    throw new IllegalArgumentException("import-events needs the file to import.");
                }
                file = args[1];
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String url = env.getOrDefault("PRAXIS_EVENTSTORE_URL", "jdbc:postgresql://127.0.0.1:54329/praxis");
        String user = env.getOrDefault("PRAXIS_EVENTSTORE_USERNAME", "postgres");
        String password = env.getOrDefault("PRAXIS_EVENTSTORE_PASSWORD", "postgres");
        try {
            return switch (command) {
                case "verify" -> verify(url, user, password, options, out, err);
                case "export" -> export(url, user, password, options, out, err);
                case "import-events" -> importEvents(url, user, password, Path.of(file), out, err);
                default -> {
                    err.println("Unknown command: " + command);
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SQLException e) {
            err.println("The event store at " + url + " could not be read: " + e.getMessage());
            return 3;
        }
    }

    private static int verify(String url, String user, String password, Map<String, String> options, PrintStream out,
                              PrintStream err) throws SQLException {
        allowOnly(options, "from", "to");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            VerificationReport report = new ChainVerifier(connection)
                    .verify(position(options, "from"), position(options, "to"));
            if (report.intact()) {
                err.println("The hash chain is intact: " + report.eventsChecked() + " events and "
                        + report.checkpointsChecked() + " checkpoints over positions " + report.fromPosition() + ".."
                        + report.toPosition() + ".");
            } else {
                BrokenLink first = report.firstBroken();
                err.println("The hash chain is BROKEN: " + report.brokenLinks() + " broken link(s). The first, at position "
                        + first.position() + (first.eventId() == null ? "" : ", event " + first.eventId() + " (sequence "
                        + first.sequence() + " of " + first.aggregateId() + ")") + ": " + first.problem() + ". "
                        + first.description());
            }
            out.println(JSON.writeValueAsString(report));
            return report.intact() ? 0 : 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int export(String url, String user, String password, Map<String, String> options, PrintStream out,
                              PrintStream err) throws SQLException {
        allowOnly(options, "from", "to", "from-time", "to-time", "community", "out");
        ExportSelection selection = new ExportSelection(position(options, "from"), position(options, "to"),
                instant(options, "from-time"), instant(options, "to-time"), options.get("community"));
        if (selection.problem() != null) {
            throw new IllegalArgumentException(selection.problem());
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long count;
            if (options.containsKey("out")) {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(Path.of(options.get("out"))))) {
                    count = new EventExport(connection).export(selection, file);
                }
            } else {
                count = new EventExport(connection).export(selection, out);
            }
            err.println("Exported " + count + " events" + (options.containsKey("out") ? " to " + options.get("out") : "") + ".");
            return 0;
        } catch (IOException e) {
            err.println("The export could not be written: " + e.getMessage());
            return 2;
        }
    }

    private static int importEvents(String url, String user, String password, Path file, PrintStream out, PrintStream err)
            throws SQLException {
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file);
            return 2;
        }
        // A new store gets its schema (and the chain's trigger) first.
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            EventImport.Result result = new EventImport(connection).importFrom(reader);
            out.println("Imported " + result.events() + " events of " + result.streams() + " streams (last position "
                    + result.lastPosition() + "); their hash chain matches the export's. Start the query service on "
                    + "this store to rebuild the read models.");
            return 0;
        } catch (EventImport.ImportRefusedException e) {
            err.println("Import refused (" + e.code() + "): " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("No such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("The file could not be read: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args, int positional) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1 + positional; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value.");
            }
            options.put(name, value);
        }
        return options;
    }

    private static void allowOnly(Map<String, String> options, String... allowed) {
        for (String name : options.keySet()) {
            if (!List.of(allowed).contains(name)) {
                throw new IllegalArgumentException("Unknown option: --" + name);
            }
        }
    }

    private static Long position(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            long position = Long.parseLong(value);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a global position (a whole number from 0 on).");
        }
    }

    private static Instant instant(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " takes an instant such as 2026-01-31T12:00:00Z.");
        }
    }
}
