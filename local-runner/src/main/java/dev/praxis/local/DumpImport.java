package dev.praxis.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code praxis-local import <dump folder> [--community=NAME] [--source=KEY] [--owner=MEMBER]
 * [--owner-name=NAME] [--data=DIR] [--postgres-port=PORT] [--jdbc-url=URL --jdbc-user=U
 * --jdbc-password=P]}: imports a Stack Exchange data dump into the event store. It runs the command
 * service's importer as a child process (same handlers and rules as live traffic, no web server).
 * On the embedded default it uses the PostgreSQL of a running praxis-local, or starts the embedded
 * one on the data directory for the time of the import; with {@code --jdbc-url} (or
 * {@code PRAXIS_EVENTSTORE_URL}) it writes to an external PostgreSQL. The query service picks the
 * imported events up when it runs (now, or at its next start).
 */
public final class DumpImport {

    static final String USAGE = """
            Usage: praxis-local import <dump folder> [--key=value ...]

              --community=NAME         the new community's name (default "Stack Exchange: <source>")
              --source=KEY             names this import; the community's id is se-<KEY> (default: the folder's name)
              --owner=MEMBER           the member who owns the community and runs the import (default importer)
              --owner-name=NAME        the owner's display name (default Importer)
              --data=DIR               praxis-local's data directory (default ./.praxis-data)
              --postgres-port=PORT     the embedded PostgreSQL's port (default 54329)
              --jdbc-url=URL           an external PostgreSQL instead (or PRAXIS_EVENTSTORE_URL), with
              --jdbc-user=USER --jdbc-password=PASSWORD   (or PRAXIS_EVENTSTORE_USERNAME / _PASSWORD)
            Running it again with the same source changes nothing; an interrupted import resumes.""";

    private DumpImport() {
    }

    static int main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Path dump = Path.of(args[0]);
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String key = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (key == null || !List.of("community", "source", "owner", "owner-name", "data", "postgres-port", "jdbc-url",
                    "jdbc-user", "jdbc-password").contains(key)) {
                System.err.println("Unknown option: " + arg);
                System.err.println(USAGE);
                return 2;
            }
            options.put(key, arg.substring(equals + 1));
        }
        if (!Files.isDirectory(dump)) {
            System.err.println("Not a folder: " + dump.toAbsolutePath());
            return 2;
        }
        ServiceJars jars = ServiceJars.locate();
        Path jar = jars.jar(Service.COMMAND);
        String jdbcUrl = options.getOrDefault("jdbc-url", System.getenv("PRAXIS_EVENTSTORE_URL"));
        List<String> importArgs = importArgs(dump, options);
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return run(jar, jdbcUrl, options.getOrDefault("jdbc-user", env("PRAXIS_EVENTSTORE_USERNAME", LocalPostgres.USER)),
                    options.getOrDefault("jdbc-password", env("PRAXIS_EVENTSTORE_PASSWORD", LocalPostgres.PASSWORD)),
                    importArgs, null);
        }
        int port = Integer.parseInt(options.getOrDefault("postgres-port", "54329"));
        Path data = Path.of(options.getOrDefault("data", System.getProperty("praxis.data", ".praxis-data")))
                .toAbsolutePath().normalize();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + LocalPostgres.DATABASE;
        if (listening(port)) {
            System.err.println("Using the running PostgreSQL on port " + port + ".");
            return run(jar, url, LocalPostgres.USER, LocalPostgres.PASSWORD, importArgs, null);
        }
        System.err.println("Starting the embedded PostgreSQL (data in " + data.resolve("postgres") + ") for the import ...");
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"),
                data.resolve("logs").resolve("postgres.log"), port)) {
            return run(jar, url, LocalPostgres.USER, LocalPostgres.PASSWORD, importArgs, null);
        }
    }

    /** The importer's arguments for the command service. */
    static List<String> importArgs(Path dump, Map<String, String> options) {
        List<String> args = new ArrayList<>();
        args.add("--praxis.import.dir=" + dump.toAbsolutePath().normalize());
        for (String key : List.of("community", "source", "owner", "owner-name")) {
            if (options.containsKey(key)) {
                args.add("--praxis.import." + key + "=" + options.get(key));
            }
        }
        return args;
    }

    /**
     * Runs the command service as an importer against the event store, its output on this
     * process's (or into {@code log} when given), and answers its exit code.
     */
    static int run(Path jar, String jdbcUrl, String user, String password, List<String> importArgs, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LocalSystem.DEFAULT_JVM_ARGS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--spring.main.web-application-type=none");
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        command.add("--praxis.bounty.check-interval=1h");
        command.add("--spring.datasource.url=" + jdbcUrl);
        command.add("--spring.datasource.username=" + user);
        command.add("--spring.datasource.password=" + password);
        command.addAll(importArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        try {
            Process process = builder.start();
            Thread stopper = new Thread(process::destroy);
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                return process.waitFor();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        } catch (IOException e) {
            throw new LocalSystemException("Could not start the importer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while importing", e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
