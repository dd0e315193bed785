package dev.praxis.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to run Praxis locally. A port of 0 means "pick a free one when starting"; the picked port
 * then stays the same for the life of the {@link LocalSystem}, so a restarted service is found
 * where it was.
 *
 * @param dataDir        holds {@code postgres/}, {@code mongo/praxis.mv} and {@code logs/}
 * @param postgresPort   embedded PostgreSQL
 * @param mongoPort      embedded MongoDB server
 * @param servicePorts   HTTP port of each service
 * @param mongoOnDisk    keep the read models in {@code mongo/praxis.mv} (H2 backend) so they
 *                       survive a restart, or in memory (faster, for tests)
 * @param jars           where the services' jars are
 * @param services       the services to run; none runs only the two stores
 * @param jvmArgs        extra JVM options for every service, after the defaults so they win
 * @param serviceArgs    extra Spring arguments ({@code --key=value}) per service
 * @param startupTimeout how long one service may take to report healthy
 * @param external       stores to use instead of starting the embedded ones (each part may be absent)
 */
public record LocalConfig(
        Path dataDir,
        int postgresPort,
        int mongoPort,
        Map<Service, Integer> servicePorts,
        boolean mongoOnDisk,
        ServiceJars jars,
        Set<Service> services,
        List<String> jvmArgs,
        Map<Service, List<String>> serviceArgs,
        Duration startupTimeout,
        ExternalStores external) {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    public LocalConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jars, "jars");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(external, "external");
        requirePort(postgresPort, "postgres");
        requirePort(mongoPort, "mongo");
        dataDir = dataDir.toAbsolutePath().normalize();
        servicePorts = Collections.unmodifiableMap(new EnumMap<>(completePorts(servicePorts)));
        services = Collections.unmodifiableSet(services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services));
        jvmArgs = List.copyOf(jvmArgs);
        Map<Service, List<String>> args = new EnumMap<>(Service.class);
        serviceArgs.forEach((service, list) -> args.put(service, List.copyOf(list)));
        serviceArgs = Collections.unmodifiableMap(args);
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
        }
    }

    /** Everything on free ports, Mongo on disk, all three services, jars from {@link ServiceJars#locate()}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** As {@link #builder(Path)} with the read models in memory: what the end-to-end tests want. */
    /**
     * For end-to-end tests: the read models in memory. On a machine shared with other builds a
     * service may start slower than {@link #DEFAULT_STARTUP_TIMEOUT}; the system property
     * {@code praxis.test.startup-timeout} (an ISO-8601 duration, e.g. {@code PT5M}) allows more.
     */
    public static Builder forTests(Path dataDir) {
        Builder builder = builder(dataDir).mongoOnDisk(false);
        String timeout = System.getProperty("praxis.test.startup-timeout");
        return timeout == null || timeout.isBlank() ? builder : builder.startupTimeout(Duration.parse(timeout));
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public List<String> serviceArgs(Service service) {
        return serviceArgs.getOrDefault(service, List.of());
    }

    private static Map<Service, Integer> completePorts(Map<Service, Integer> ports) {
        Map<Service, Integer> all = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            int port = ports.getOrDefault(service, 0);
            requirePort(port, service.moduleName());
            all.put(service, port);
        }
        return all;
    }

    private static void requirePort(int port, String owner) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port for " + owner + " must be 0 (any free port) or 1..65535: " + port);
        }
    }

    public static final class Builder {

        private final Path dataDir;
        private int postgresPort;
        private int mongoPort;
        private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        private boolean mongoOnDisk = true;
        private ServiceJars jars;
        private Set<Service> services = EnumSet.allOf(Service.class);
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<Service, List<String>> serviceArgs = new EnumMap<>(Service.class);
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private ExternalStores external = ExternalStores.NONE;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder port(Service service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        public Builder mongoOnDisk(boolean onDisk) {
            this.mongoOnDisk = onDisk;
            return this;
        }

        public Builder jars(ServiceJars jars) {
            this.jars = jars;
            return this;
        }

        public Builder jarsDirectory(Path directory) {
            return jars(ServiceJars.inDirectory(directory));
        }

        /** Run only these services; with none, only PostgreSQL and MongoDB start. */
        public Builder services(Set<Service> services) {
            this.services = EnumSet.noneOf(Service.class);
            this.services.addAll(services);
            return this;
        }

        public Builder storesOnly() {
            return services(EnumSet.noneOf(Service.class));
        }

        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /** Extra Spring arguments for one service, such as {@code --praxis.query.consistency-timeout=10s}. */
        public Builder serviceArgs(Service service, String... args) {
            serviceArgs.computeIfAbsent(service, s -> new ArrayList<>()).addAll(List.of(args));
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** The event store in this PostgreSQL database instead of the embedded one. */
        public Builder externalPostgres(String jdbcUrl, String user, String password) {
            external = new ExternalStores(new ExternalStores.Postgres(jdbcUrl, user, password), external.mongoUri());
            return this;
        }

        /** The read models in this MongoDB database (the URI names it) instead of the embedded server. */
        public Builder externalMongo(String mongoUri) {
            external = new ExternalStores(external.postgres(), mongoUri);
            return this;
        }

        public LocalConfig build() {
            return new LocalConfig(dataDir, postgresPort, mongoPort, servicePorts, mongoOnDisk,
                    jars != null ? jars : ServiceJars.locate(), services, jvmArgs, serviceArgs, startupTimeout, external);
        }
    }
}
