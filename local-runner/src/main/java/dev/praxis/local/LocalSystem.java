package dev.praxis.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * All of Praxis on one machine: embedded PostgreSQL (event store), the embedded MongoDB server
 * (read models), and the command service, query service and API gateway as separate OS processes
 * running their packaged jars. {@link PraxisLocal} runs it for developers; the end-to-end tests run
 * it too, and stop or restart single services to see the system recover.
 *
 * <pre>{@code
 * try (LocalSystem system = LocalSystem.forTests(tempDir)) {
 *     post(system.graphqlUrl(), ...);
 *     system.restart(Service.QUERY);
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the services first and the stores last, so that no service loses its
 * database mid-shutdown and the H2 store of MongoDB is written out completely. A JVM shutdown hook
 * does the same when the JVM exits without {@code close()} (Ctrl-C, a test run that is killed).
 */
public final class LocalSystem implements AutoCloseable {

    /**
     * Small heaps, the serial collector and the C1 compiler alone: three JVMs share a developer's
     * laptop or a 2-core CI machine with the embedded stores. On two cores the C2 compiler's threads
     * took a quarter to a half of the CPU during the benchmark's first minutes; with C1 alone a cold
     * rebuild needed half the query service's CPU per event (8.5 ms against 18 ms) and reads and
     * writes ran as fast or faster (docs/performance.md). Long single-threaded work (a blue/green
     * replay) runs about a fifth slower on C1's code; a later {@code -XX:TieredStopAtLevel=4} in
     * {@link LocalConfig#jvmArgs()} brings C2 back. Deployments (k8s) keep the JVM's defaults.
     */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** How long a service gets to shut down after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

    private final LocalConfig config;
    private final int postgresPort;
    private final int mongoPort;
    private final Map<Service, Integer> ports;
    private final HealthProbe probe = new HealthProbe();
    private final Thread shutdownHook = new Thread(this::close, "praxis-local-shutdown");

    /** Guards the fields below. Never held while waiting for a process, so close() can always get in. */
    private final Object lock = new Object();
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private LocalPostgres postgres;
    private LocalMongo mongo;
    private volatile boolean closed;
    /** Open until start() has finished booting, successfully or not; close() waits for it. */
    private final CountDownLatch booted = new CountDownLatch(1);
    /** Open until close() has stopped everything; a second caller (the shutdown hook) waits for it. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalSystem(LocalConfig config) {
        this.config = config;
        Set<Integer> taken = new HashSet<>();
        this.postgresPort = resolvePort(config.postgresPort(), taken);
        this.mongoPort = resolvePort(config.mongoPort(), taken);
        Map<Service, Integer> resolved = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            resolved.put(service, resolvePort(config.port(service), taken));
        }
        this.ports = resolved;
    }

    /** The configured port, or a free one that no other part of this system got already. */
    private static int resolvePort(int configured, Set<Integer> taken) {
        int port = configured;
        while (port == 0 || !taken.add(port)) {
            port = Ports.pickFree();
        }
        return port;
    }

    /**
     * Starts the stores and the configured services and returns once every service is healthy.
     * Fails before starting anything when a jar is missing or a fixed port is taken; fails after
     * stopping everything it started when a service does not come up.
     */
    public static LocalSystem start(LocalConfig config) {
        config.services().forEach(config.jars()::requireJar);
        requireFixedPortsFree(config);
        LocalSystem system = new LocalSystem(config);
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            system.boot();
        } catch (RuntimeException e) {
            system.booted.countDown();
            system.closeQuietly(e);
            throw e;
        }
        system.booted.countDown();
        return system;
    }

    /** All three services on free ports, read models in memory, jars from {@link ServiceJars#locate()}. */
    public static LocalSystem forTests(Path dataDir) {
        return start(LocalConfig.forTests(dataDir).build());
    }

    private static void requireFixedPortsFree(LocalConfig config) {
        Map<Integer, String> fixed = new LinkedHashMap<>();
        if (config.external().postgres() == null) {
            claim(fixed, config.postgresPort(), "postgres");
        }
        if (config.external().mongoUri() == null) {
            claim(fixed, config.mongoPort(), "mongo");
        }
        for (Service service : config.services()) {
            claim(fixed, config.port(service), service.moduleName());
        }
        fixed.forEach((port, owner) -> Ports.requireFree(port, owner));
    }

    private static void claim(Map<Integer, String> fixed, int port, String owner) {
        if (port == 0) {
            return;
        }
        String earlier = fixed.putIfAbsent(port, owner);
        if (earlier != null) {
            throw new LocalSystemException("Port " + port + " is configured for both " + earlier + " and " + owner + ".");
        }
    }

    private void boot() {
        Path data = config.dataDir();
        if (config.external().postgres() != null) {
            log.info("Using the PostgreSQL database at {}", config.external().postgres().jdbcUrl());
        } else {
            log.info("Starting PostgreSQL on port {} (data in {})", postgresPort, data.resolve("postgres"));
            LocalPostgres startedPostgres = LocalPostgres.start(data.resolve("postgres"), logFile("postgres"), postgresPort);
            synchronized (lock) {
                postgres = startedPostgres;
            }
            requireOpen();
        }
        if (config.external().mongoUri() != null) {
            log.info("Using the MongoDB database at {}", withoutCredentials(config.external().mongoUri()));
        } else {
            Path mongoFile = config.mongoOnDisk() ? data.resolve("mongo").resolve("praxis.mv") : null;
            log.info("Starting MongoDB on port {} ({})", mongoPort, mongoFile != null ? "data in " + mongoFile : "in memory");
            LocalMongo startedMongo = LocalMongo.start(mongoFile, mongoPort);
            synchronized (lock) {
                mongo = startedMongo;
            }
            requireOpen();
        }
        // The command service migrates the event store schema that the query service reads.
        List<Service> first = new ArrayList<>();
        List<Service> then = new ArrayList<>();
        for (Service service : config.services()) {
            (service == Service.COMMAND ? first : then).add(service);
        }
        startTogether(first);
        startTogether(then);
    }

    /** Ends the boot early when close() was called meanwhile (Ctrl-C during the start). */
    private void requireOpen() {
        if (closed) {
            throw new LocalSystemException("The local system was closed while starting");
        }
    }

    /** Launches the services at once and waits until all are healthy; on failure stops the ones it launched. */
    private void startTogether(Collection<Service> services) {
        List<ServiceProcess> launched = new ArrayList<>();
        try {
            for (Service service : services) {
                launched.add(launch(service));
            }
            Instant deadline = Instant.now().plus(config.startupTimeout());
            for (ServiceProcess process : launched) {
                process.awaitHealthy(deadline, () -> closed, probe);
            }
        } catch (RuntimeException e) {
            launched.forEach(ServiceProcess::requestStop);
            for (ServiceProcess process : launched) {
                process.awaitStop(STOP_GRACE);
                synchronized (lock) {
                    running.remove(process.service(), process);
                }
            }
            throw e;
        }
    }

    private ServiceProcess launch(Service service) {
        Path jar = config.jars().requireJar(service);
        synchronized (lock) {
            if (closed) {
                throw new LocalSystemException("Cannot start " + service + ": the local system is closed");
            }
            ServiceProcess current = running.get(service);
            if (current != null && current.isAlive()) {
                throw new IllegalStateException(service + " is already running (pid " + current.pid() + ")");
            }
            ServiceProcess process = ServiceProcess.launch(service, commandLine(service, jar), config.dataDir(),
                    logFile(service.moduleName()), port(service));
            running.put(service, process);
            return process;
        }
    }

    private List<String> commandLine(Service service, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(DEFAULT_JVM_ARGS);
        command.addAll(config.jvmArgs());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port(service));
        switch (service) {
            case COMMAND -> command.addAll(datasourceArgs());
            case QUERY -> {
                command.addAll(datasourceArgs());
                command.add("--spring.mongodb.uri=" + mongoUri());
            }
            case GATEWAY -> {
                command.add("--spring.profiles.active=local");
                command.add("--praxis.command-service.url=" + commandUrl());
                command.add("--praxis.query-service.url=" + queryUrl());
            }
        }
        command.addAll(config.serviceArgs(service));
        return command;
    }

    private List<String> datasourceArgs() {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + jdbcUser(),
                "--spring.datasource.password=" + jdbcPassword());
    }

    /** The URI as a log may show it: a password in it is left out. */
    private static String withoutCredentials(String uri) {
        return uri.replaceFirst("//[^/@]*@", "//");
    }

    /** The JVM running this code, so that the services run on the same Java version as the tests. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Imports a Stack Exchange data dump into this system's event store (see {@link DumpImport}):
     * options {@code community}, {@code source}, {@code owner}, {@code owner-name}. The importer's
     * output goes to {@code <data>/logs/import.log}; answers its exit code (0: it ran to the end).
     */
    public int importDump(Path dump, Map<String, String> options) {
        Path log = logFile("import");
        try {
            java.nio.file.Files.createDirectories(log.getParent());
        } catch (java.io.IOException e) {
            throw new LocalSystemException("Cannot create " + log.getParent(), e);
        }
        return DumpImport.run(config.jars().requireJar(Service.COMMAND), jdbcUrl(), jdbcUser(), jdbcPassword(),
                DumpImport.importArgs(dump, options), log);
    }

    /** Starts a stopped service and waits until it is healthy. */
    public void start(Service service) {
        startTogether(List.of(service));
    }

    /** Stops a service gracefully (SIGTERM, then a kill after {@link #STOP_GRACE}); does nothing if it is not running. */
    public void stop(Service service) {
        ServiceProcess process;
        synchronized (lock) {
            process = running.remove(service);
        }
        if (process != null) {
            log.info("Stopping {}", service);
            process.stop(STOP_GRACE);
        }
    }

    public void restart(Service service) {
        stop(service);
        start(service);
    }

    public boolean isRunning(Service service) {
        synchronized (lock) {
            ServiceProcess process = running.get(service);
            return process != null && process.isAlive();
        }
    }

    /** The process id of a running service, so a test can kill it the hard way. */
    public OptionalLong pid(Service service) {
        synchronized (lock) {
            ServiceProcess process = running.get(service);
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }
    }

    public LocalConfig config() {
        return config;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** Where a service writes its output: {@code <data>/logs/<module>.log}. */
    public Path logFile(Service service) {
        return logFile(service.moduleName());
    }

    private Path logFile(String name) {
        return config.dataDir().resolve("logs").resolve(name + ".log");
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int mongoPort() {
        return mongoPort;
    }

    public String jdbcUrl() {
        ExternalStores.Postgres external = config.external().postgres();
        return external != null ? external.jdbcUrl() : "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalPostgres.DATABASE;
    }

    public String jdbcUser() {
        ExternalStores.Postgres external = config.external().postgres();
        return external != null ? external.user() : LocalPostgres.USER;
    }

    public String jdbcPassword() {
        ExternalStores.Postgres external = config.external().postgres();
        return external != null ? external.password() : LocalPostgres.PASSWORD;
    }

    /** The read models' database, named by the URI's path. */
    public String mongoUri() {
        String external = config.external().mongoUri();
        return external != null ? external : "mongodb://127.0.0.1:" + mongoPort + "/" + LocalMongo.DATABASE;
    }

    public String commandUrl() {
        return url(Service.COMMAND);
    }

    public String queryUrl() {
        return url(Service.QUERY);
    }

    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    public String graphqlUrl() {
        return gatewayUrl() + "/graphql";
    }

    private String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    /**
     * Stops the services (all asked at once, each given {@link #STOP_GRACE}), then MongoDB, then
     * PostgreSQL. Safe to call more than once and from any thread.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (lock) {
            first = !closed;
            closed = true;
        }
        if (!first) {
            // A JVM exits once its shutdown hooks return: the hook must not return before the
            // stores are down, or PostgreSQL outlives us.
            awaitUninterruptibly(stopped);
            return;
        }
        try {
            // A boot in progress notices `closed` within moments and stops adding things to stop.
            awaitUninterruptibly(booted);
            stopEverything();
        } finally {
            stopped.countDown();
            removeShutdownHook();
        }
    }

    private void stopEverything() {
        List<ServiceProcess> services;
        LocalMongo stoppingMongo;
        LocalPostgres stoppingPostgres;
        synchronized (lock) {
            services = new ArrayList<>(running.values());
            running.clear();
            stoppingMongo = mongo;
            stoppingPostgres = postgres;
        }
        RuntimeException failure = null;
        if (!services.isEmpty()) {
            log.info("Stopping {}", services.stream().map(ServiceProcess::service).toList());
        }
        services.forEach(ServiceProcess::requestStop);
        services.forEach(process -> process.awaitStop(STOP_GRACE));
        if (stoppingMongo != null) {
            failure = attempt(stoppingMongo::close, failure);
        }
        if (stoppingPostgres != null) {
            failure = attempt(stoppingPostgres::close, failure);
        }
        log.info("Stopped the local system (data in {})", config.dataDir());
        if (failure != null) {
            throw failure;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException attempt(Runnable step, RuntimeException earlier) {
        try {
            step.run();
            return earlier;
        } catch (RuntimeException e) {
            if (earlier == null) {
                return e;
            }
            earlier.addSuppressed(e);
            return earlier;
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs close() again and finds nothing to do.
        }
    }

    @Override
    public String toString() {
        return "LocalSystem[data=" + config.dataDir() + ", gateway=" + gatewayUrl() + ", postgres=" + postgresPort
                + ", mongo=" + mongoPort + "]";
    }
}
