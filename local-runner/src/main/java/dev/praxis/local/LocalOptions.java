package dev.praxis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The options of {@link PraxisLocal}: each can be given as {@code --key=value} or as the system
 * property {@code praxis.key}; the argument wins. Defaults keep the data in the project
 * ({@code ./.praxis-data}) and use fixed ports, so bookmarks and curl commands keep working.
 */
record LocalOptions(
        Path dataDir,
        int postgresPort,
        int mongoPort,
        Map<Service, Integer> servicePorts,
        Path jarsDir,
        boolean seed,
        Duration startupTimeout,
        boolean help) {

    static final String USAGE = """
            Usage: praxis-local [--key=value ...]   (or -Dpraxis.key=value)

              --data=DIR               data directory (default ./.praxis-data); delete it to start afresh
              --gateway-port=PORT      GraphQL gateway (default 8080)
              --command-port=PORT      command service (default 8081)
              --query-port=PORT        query service (default 8082)
              --postgres-port=PORT     embedded PostgreSQL (default 54329)
              --mongo-port=PORT        embedded MongoDB (default 27029)
              --jars=DIR               directory holding command-service.jar, query-service.jar, api-gateway.jar
                                       (default: <project>/<module>/target/<module>.jar)
              --seed=false             do not create the demo community on the first start
              --startup-timeout=SECS   how long each service may take to become healthy (default 120)
              --help                   this text
            A port of 0 picks a free one.
            praxis-local import <dump folder> [...]   imports a Stack Exchange data dump (import --help)""";

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", ".praxis-data");
        defaults.put("gateway-port", "8080");
        defaults.put("command-port", "8081");
        defaults.put("query-port", "8082");
        defaults.put("postgres-port", "54329");
        defaults.put("mongo-port", "27029");
        defaults.put("jars", "");
        defaults.put("seed", "true");
        defaults.put("startup-timeout", String.valueOf(LocalConfig.DEFAULT_STARTUP_TIMEOUT.toSeconds()));
        return defaults;
    }

    /** @throws IllegalArgumentException naming the option that is unknown or has a bad value */
    static LocalOptions parse(String[] args, Properties systemProperties) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        DEFAULTS.keySet().forEach(key -> {
            String value = systemProperties.getProperty("praxis." + key);
            if (value != null) {
                values.put(key, value);
            }
        });
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String key = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (key == null || !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
            values.put(key, arg.substring(equals + 1));
        }
        Map<Service, Integer> servicePorts = new LinkedHashMap<>();
        servicePorts.put(Service.COMMAND, port(values, "command-port"));
        servicePorts.put(Service.QUERY, port(values, "query-port"));
        servicePorts.put(Service.GATEWAY, port(values, "gateway-port"));
        String jars = values.get("jars");
        return new LocalOptions(
                Path.of(values.get("data")),
                port(values, "postgres-port"),
                port(values, "mongo-port"),
                servicePorts,
                jars.isBlank() ? null : Path.of(jars),
                bool(values, "seed"),
                Duration.ofSeconds(positive(values, "startup-timeout")),
                help);
    }

    /** The option that sets the port a {@link PortInUseException} names, for the hint to choose another. */
    static String portOption(String owner) {
        return switch (owner) {
            case "postgres" -> "--postgres-port";
            case "mongo" -> "--mongo-port";
            case "command-service" -> "--command-port";
            case "query-service" -> "--query-port";
            case "api-gateway" -> "--gateway-port";
            default -> throw new IllegalArgumentException("No port option for " + owner);
        };
    }

    LocalConfig toConfig() {
        LocalConfig.Builder builder = LocalConfig.builder(dataDir)
                .postgresPort(postgresPort)
                .mongoPort(mongoPort)
                .mongoOnDisk(true)
                .startupTimeout(startupTimeout);
        servicePorts.forEach(builder::port);
        if (jarsDir != null) {
            builder.jarsDirectory(jarsDir);
        }
        return builder.build();
    }

    private static int port(Map<String, String> values, String key) {
        int port = integer(values, key);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--" + key + " must be a port number, or 0 for any free port: "
                    + values.get(key));
        }
        return port;
    }

    private static int positive(Map<String, String> values, String key) {
        int value = integer(values, key);
        if (value < 1) {
            throw new IllegalArgumentException("--" + key + " must be positive: " + values.get(key));
        }
        return value;
    }

    private static int integer(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(values.get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number: " + values.get(key));
        }
    }

    private static boolean bool(Map<String, String> values, String key) {
        String value = values.get(key).strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("--" + key + " must be true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
