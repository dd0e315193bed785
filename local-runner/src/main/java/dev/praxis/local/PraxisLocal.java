package dev.praxis.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Praxis on a developer's machine with nothing installed but a JDK: the embedded stores, the
 * three services and, on the first start, a demo community. Runs until Ctrl-C; the shutdown hook
 * of {@link LocalSystem} then stops everything in order and the data stays for the next start.
 */
public final class PraxisLocal {

    /** The questions of the seeded community, as the README shows them. */
    static final String QUESTIONS_QUERY =
            "{ community(id: \"%s\") { name questions(first: 10) { totalCount nodes { id title tags score answerCount"
                    + " author { displayName } } } } }";

    private PraxisLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(DumpImport.main(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalOptions.USAGE);
            return;
        }

        LocalSystem system = startOrExit(options);
        Optional<String> community = options.seed() ? seed(system) : DemoSeed.seededCommunity(system.dataDir());
        System.out.println(instructions(system, community));
        // Everything runs in child processes and in the stores' own threads; this thread only waits
        // for Ctrl-C, after which the JVM runs LocalSystem's shutdown hook.
        new CountDownLatch(1).await();
    }

    private static LocalSystem startOrExit(LocalOptions options) {
        LocalConfig config = options.toConfig();
        System.out.println("Starting Praxis (data in " + config.dataDir() + ", " + config.jars() + ") ...");
        try {
            return LocalSystem.start(config);
        } catch (PortInUseException e) {
            System.err.println(e.getMessage());
            System.err.println("Stop it, or choose another port with " + LocalOptions.portOption(e.owner()) + "=<port>.");
        } catch (LocalSystemException e) {
            System.err.println("Praxis did not start: " + e.getMessage());
        }
        System.exit(1);
        throw new IllegalStateException("unreachable");
    }

    /**
     * Seeds a fresh data directory. A failure does not stop Praxis: the system is still worth
     * exploring. Without the marker the next start tries again, adding to what the failed attempt
     * already created, so the message also says how to start afresh.
     */
    private static Optional<String> seed(LocalSystem system) {
        if (DemoSeed.seededCommunity(system.dataDir()).isEmpty()) {
            System.out.println("First start: seeding the demo community \"" + DemoSeed.COMMUNITY_NAME + "\" ...");
        }
        try {
            return Optional.of(DemoSeed.ensureSeeded(system.dataDir(), system.gatewayUrl()));
        } catch (RuntimeException e) {
            System.err.println("Could not seed the demo community: " + e.getMessage());
            System.err.println("Praxis runs without it. The next start tries again; for a clean slate stop Praxis and"
                    + " delete " + system.dataDir() + ", or pass --seed=false to skip the demo.");
            return Optional.empty();
        }
    }

    static String instructions(LocalSystem system, Optional<String> communityId) {
        String gateway = "http://localhost:" + system.port(Service.GATEWAY);
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator())
                .append("Praxis is running. Data: ").append(system.dataDir())
                .append("   Logs: ").append(system.dataDir().resolve("logs")).append(System.lineSeparator())
                .append(System.lineSeparator())
                .append("  GraphQL   ").append(gateway).append("/graphql").append(System.lineSeparator())
                .append("  GraphiQL  ").append(gateway).append("/graphiql").append(System.lineSeparator())
                .append(System.lineSeparator())
                .append("Get a dev token (then send it as -H \"Authorization: Bearer <token>\"):")
                .append(System.lineSeparator())
                .append("  curl -s -X POST ").append(gateway).append("/dev/token -H 'Content-Type: application/json' \\")
                .append(System.lineSeparator())
                .append("       -d '{\"memberId\":\"alice\",\"name\":\"Alice Adams\"}'").append(System.lineSeparator())
                .append("  # answers {\"token\":\"...\",\"memberId\":\"alice\"}").append(System.lineSeparator());
        communityId.ifPresent(id -> text.append(System.lineSeparator())
                .append("The questions of \"").append(DemoSeed.COMMUNITY_NAME).append("\":").append(System.lineSeparator())
                .append("  curl -s ").append(gateway).append("/graphql -H 'Content-Type: application/json' \\")
                .append(System.lineSeparator())
                .append("       -d ").append(shellQuote(graphQlBody(QUESTIONS_QUERY.formatted(id))))
                .append(System.lineSeparator()));
        text.append(System.lineSeparator()).append("Press Ctrl-C to stop.");
        return text.toString();
    }

    private static String graphQlBody(String query) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("query", query));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Single-quotes a word for a POSIX shell, so the printed command can be pasted as it is. */
    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
