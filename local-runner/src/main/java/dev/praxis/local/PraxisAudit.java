package dev.praxis.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./praxis-audit}: the auditors' command line against the local embedded store (or any
 * store named by {@code PRAXIS_EVENTSTORE_URL}). It finds the event store, starting the embedded
 * PostgreSQL of {@code .praxis-data} when it is not already running (and stopping it afterwards),
 * then runs the command service's {@code dev.praxis.command.audit.AuditCli} from its jar on it:
 * {@code verify}, {@code export}, {@code import-events}. Options before the command:
 * {@code --data=DIR} (another embedded store, e.g. an empty one to import into) and
 * {@code --postgres-port=PORT} (default 54329).
 */
public final class PraxisAudit {

    static final String CLI_CLASS = "dev.praxis.command.audit.AuditCli";
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private PraxisAudit() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path data = Path.of(System.getProperty("praxis.data", ".praxis-data"));
        int port = 54329;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("--") && !rest.get(0).equals("--help")) {
            String option = rest.remove(0);
            try {
                if (option.startsWith("--data=")) {
                    data = Path.of(option.substring("--data=".length()));
                } else if (option.startsWith("--postgres-port=")) {
                    port = Integer.parseInt(option.substring("--postgres-port=".length()));
                } else {
                    System.err.println("Unknown option: " + option);
                    return 2;
                }
            } catch (NumberFormatException e) {
                System.err.println("--postgres-port takes a port number.");
                return 2;
            }
        }
        Path jar = ServiceJars.locate().jar(Service.COMMAND);
        if (!Files.isRegularFile(jar)) {
            System.err.println(jar + " does not exist: build first (./mvnw -DskipTests package).");
            return 2;
        }
        String url = System.getenv("PRAXIS_EVENTSTORE_URL");
        if (url != null && !url.isBlank()) {
            return runCli(jar, rest, Map.of());
        }
        Map<String, String> store = Map.of(
                "PRAXIS_EVENTSTORE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + LocalPostgres.DATABASE,
                "PRAXIS_EVENTSTORE_USERNAME", LocalPostgres.USER,
                "PRAXIS_EVENTSTORE_PASSWORD", LocalPostgres.PASSWORD);
        if (listening(port)) {
            // ./praxis-local (or another holder of the port) runs the store: use it as it is
            return runCli(jar, rest, store);
        }
        System.err.println("Starting the embedded PostgreSQL of " + data.toAbsolutePath() + " on port " + port + " ...");
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"),
                data.resolve("logs").resolve("postgres-audit.log"), port)) {
            return runCli(jar, rest, store);
        } catch (LocalSystemException e) {
            System.err.println(e.getMessage());
            return 3;
        }
    }

    /** Runs the command service's AuditCli from its jar with the store named in {@code env}; answers its exit code. */
    public static int runCli(Path jar, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Dloader.main=" + CLI_CLASS,
                "-cp", jar.toString(), LAUNCHER));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            System.err.println("Could not run " + jar + ": " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
