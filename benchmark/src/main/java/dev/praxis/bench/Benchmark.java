package dev.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.ConnectionString;
import dev.praxis.local.ExternalStores;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Starts Praxis on the embedded stores (as ./praxis-local does), drives it and prints one table:
 * writes, freshness, replay, reads, growth and memory, each beside a baseline measured in the same
 * run. Run by ./praxis-bench; see docs/performance.md for what each figure means.
 */
public final class Benchmark {

    /** How big and how long. */
    record Options(String name, long largeEvents, long warmupMillis, long durationMillis,
                   int freshnessSeconds, Duration replayCap, Path dataDir, Path output, boolean replayOnly,
                   boolean readsOnly, boolean writesOnly, boolean mongoOnDisk, List<String> jvmArgs,
                   ExternalStores external) {

        static String usage() {
            return """
                    Usage: praxis-bench [--small|--full] [--events=N] [--seconds=S] [--replay-cap=S] [--output=FILE] [--replay-only|--reads-only|--writes-only] [--mongo=memory|disk] [--jvm=OPTION]...
                                         [--postgres=JDBC_URL --postgres-user=USER --postgres-password=PASSWORD] [--mongo-uri=URI]
                      --small         (default) 10,000 events for the large replay, 5 s per load step, replays capped at 60 s
                      --full          1,000,000 events, 15 s per load step, replays capped at 60 min
                      --events=N      the event count of the large replay
                      --seconds=S     measured seconds per load step (after a warm-up of half of it, at least 5 s),
                                      and of each freshness rate (after 2 s)
                      --replay-cap=S  stop waiting for a replay after S seconds and report the rate so far
                      --output=FILE   also write the table (Markdown) to this file
                      --replay-only   only the large replay, cold and blue/green, and its baseline (to profile the projections)
                      --reads-only    only the reads of a community page and their baseline (to profile the gateway)
                      --writes-only   only the writes and the freshness, and their baselines (to profile a write)
                      --mongo=WHERE   where the embedded MongoDB keeps the read models: memory (the default of --small)
                                      or disk (its H2 backend, the default of --full: a million events' read models
                                      do not fit in the benchmark's heap)
                      --jvm=OPTION    one more JVM option for every service, e.g. --jvm=-XX:StartFlightRecording=filename=/tmp/%p.jfr
                      --postgres=JDBC_URL, --postgres-user=USER, --postgres-password=PASSWORD
                                      the event store in this PostgreSQL database instead of the embedded one
                      --mongo-uri=URI the read models in this MongoDB database (mongodb://host:port/database)
                                      instead of the embedded server
                                      Give each its own empty database: the benchmark appends events there and
                                      drops the read models' database, more than once.""";
        }

        static Options parse(String[] args) {
            boolean full = false;
            Long events = null;
            Long seconds = null;
            Long cap = null;
            Path data = Path.of(".praxis-bench");
            Path output = null;
            boolean replayOnly = false;
            boolean readsOnly = false;
            boolean writesOnly = false;
            Boolean mongoOnDisk = null;
            List<String> jvm = new java.util.ArrayList<>();
            String postgresUrl = null;
            String postgresUser = "postgres";
            String postgresPassword = "";
            String mongoUri = null;
            for (String arg : args) {
                if (arg.equals("--help") || arg.equals("-h")) {
                    throw new IllegalArgumentException(usage());
                } else if (arg.equals("--full")) {
                    full = true;
                } else if (arg.equals("--small")) {
                    full = false;
                } else if (arg.startsWith("--events=")) {
                    events = Long.parseLong(arg.substring(9).replace("_", ""));
                } else if (arg.startsWith("--seconds=")) {
                    seconds = Long.parseLong(arg.substring(10));
                } else if (arg.startsWith("--replay-cap=")) {
                    cap = Long.parseLong(arg.substring(13));
                } else if (arg.startsWith("--data=")) {
                    data = Path.of(arg.substring(7));
                } else if (arg.startsWith("--output=")) {
                    output = Path.of(arg.substring(9));
                } else if (arg.equals("--replay-only")) {
                    replayOnly = true;
                } else if (arg.equals("--reads-only")) {
                    readsOnly = true;
                } else if (arg.equals("--writes-only")) {
                    writesOnly = true;
                } else if (arg.equals("--mongo=memory") || arg.equals("--mongo=disk")) {
                    mongoOnDisk = arg.equals("--mongo=disk");
                } else if (arg.startsWith("--jvm=")) {
                    jvm.add(arg.substring(6));
                } else if (arg.startsWith("--postgres=")) {
                    postgresUrl = arg.substring("--postgres=".length());
                } else if (arg.startsWith("--postgres-user=")) {
                    postgresUser = arg.substring("--postgres-user=".length());
                } else if (arg.startsWith("--postgres-password=")) {
                    postgresPassword = arg.substring("--postgres-password=".length());
                } else if (arg.startsWith("--mongo-uri=")) {
                    mongoUri = arg.substring("--mongo-uri=".length());
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
                }
            }
            long large = events != null ? events : full ? 1_000_000 : 10_000;
            long duration = (seconds != null ? seconds : full ? 15 : 5) * 1000;
            Duration replayCap = Duration.ofSeconds(cap != null ? cap : full ? 3600 : 60);
            return new Options(full ? "full" : "small", large, Math.max(5000, duration / 2), duration,
                    seconds != null ? seconds.intValue() : full ? 20 : 5, replayCap, data.toAbsolutePath(), output, replayOnly, readsOnly,
                    writesOnly, mongoOnDisk != null ? mongoOnDisk : full, List.copyOf(jvm),
                    new ExternalStores(postgresUrl == null ? null
                            : new ExternalStores.Postgres(postgresUrl, postgresUser, postgresPassword), mongoUri));
        }
    }

    private static final String FEED = """
            query Feed($id: ID!) {
              community(id: $id) {
                name
                questions(first: 20) {
                  edges { node { id title tags score answerCount createdAt author { id displayName } } }
                }
              }
            }""";
    private static final int MEMBERS = 32;
    private static final int[] WRITE_CLIENTS = {1, 8, 32};
    private static final int READ_CLIENTS = 32;
    private static final int FRESHNESS_RATE = 200;
    /**
     * A rate this machine sustains with room to spare, measured before the target's: what a write
     * waits for the read side when the projections keep up, apart from how many writes they keep up with.
     */
    private static final int SUSTAINED_FRESHNESS_RATE = 40;
    /**
     * How often the freshness step reads the query side's position without waiting, for the
     * baseline: the round trip of one read, which is also the resolution of the measurement.
     */
    private static final long POSITION_READ_MILLIS = 100;

    private final Options options;
    private final Report report = new Report();
    private final Http http = new Http();
    private LocalSystem system;
    private Seed seed;
    private EventCopies copies;
    private HeapSampler heap;
    private CpuMeter cpu;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
            (help ? System.out : System.err).println(e.getMessage());
            System.exit(help ? 0 : 2);
            return;
        }
        try {
            new Benchmark(options).run();
        } catch (Refused refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** The benchmark cannot measure what it was given (it says why); nothing was measured. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The benchmark seeds members and a community of its own and counts every event in the store: in
     * a database that already holds events the seeding collides and the figures mean nothing.
     */
    private static void requireEmpty(EventCopies copies) throws SQLException {
        try (Connection c = copies.connect()) {
            long events = EventCopies.count(c);
            if (events > 0) {
                throw new Refused(("The PostgreSQL database given with --postgres holds %,d events already:"
                        + " give the benchmark a database of its own, empty (and a MongoDB database of its own).").formatted(events));
            }
        }
    }

    /**
     * The read models' database must be empty before the services start: its tracking tokens would
     * otherwise place the projections past events the benchmark is about to write.
     */
    private static void requireEmpty(String mongoUri) {
        String database = new ConnectionString(mongoUri).getDatabase();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            List<String> collections = mongo.getDatabase(database).listCollectionNames().into(new ArrayList<>());
            if (!collections.isEmpty()) {
                throw new Refused(("The MongoDB database given with --mongo-uri holds %d collections already (%s):"
                        + " give the benchmark a database of its own, empty.").formatted(collections.size(),
                        String.join(", ", collections.subList(0, Math.min(5, collections.size())))));
            }
        }
    }

    /** Which stores the run used, for the table's header. */
    private String stores() {
        String mongo = options.external().mongoUri() != null ? "MongoDB external"
                : options.mongoOnDisk() ? "MongoDB on disk" : "MongoDB in memory";
        return options.external().postgres() != null ? mongo + ", PostgreSQL external" : mongo;
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        String loadAtStart = loadAverage();
        deleteRecursively(options.dataDir());
        if (options.external().mongoUri() != null) {
            requireEmpty(options.external().mongoUri());
        }
        log("Starting the stores and the three services (data in %s) ...", options.dataDir());
        LocalConfig.Builder config = LocalConfig.forTests(options.dataDir()).mongoOnDisk(options.mongoOnDisk());
        if (options.external().postgres() != null) {
            ExternalStores.Postgres postgres = options.external().postgres();
            config.externalPostgres(postgres.jdbcUrl(), postgres.user(), postgres.password());
        }
        if (options.external().mongoUri() != null) {
            config.externalMongo(options.external().mongoUri());
        }
        system = LocalSystem.start(config
                .jvmArgs("-Xmx512m")
                .jvmArgs(options.jvmArgs().toArray(String[]::new))
                // the benchmark's members call far more often than a person does
                .serviceArgs(Service.GATEWAY, "--praxis.graphql.budget-per-hour=1000000000")
                .startupTimeout(Duration.ofMinutes(4))
                .build());
        try {
            Map<Service, String> urls = new EnumMap<>(Service.class);
            urls.put(Service.COMMAND, system.commandUrl());
            urls.put(Service.QUERY, system.queryUrl());
            urls.put(Service.GATEWAY, system.gatewayUrl());
            heap = new HeapSampler(urls);
            cpu = new CpuMeter(system);
            copies = new EventCopies(system.jdbcUrl(), system.jdbcUser(), system.jdbcPassword());
            if (options.external().postgres() != null) {
                requireEmpty(copies);
            }
            log("Up after %.0f s. Seeding %d members, a community and a template thread ...", seconds(began), MEMBERS);
            seed = new Seed(http, system.gatewayUrl());
            seed.run(MEMBERS);
            copies.learn(seed.templateQuestionId, seed.communityId);

            measure();
        } finally {
            if (heap != null) {
                heap.close();
            }
            log("Stopping ...");
            system.close();
        }
        String table = report.markdown();
        String header = "Praxis benchmark (%s, %s), %s, %d cores, Java %s, %.0f s, load average at start %s, at end %s\n\n"
                .formatted(options.name(), stores(), Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds(began),
                        loadAtStart, loadAverage());
        System.out.println();
        System.out.println(header + table);
        if (options.output() != null) {
            Files.writeString(options.output(), header + table);
        }
        deleteRecursively(options.dataDir());
    }

    /** The steps the options ask for, each reported in the table (a step that fails is noted, the rest still run). */
    private void measure() throws Exception {
        Map<String, Load.Result> reads = new LinkedHashMap<>();
        Map<String, Replay> replays = new LinkedHashMap<>();

        if (options.replayOnly()) {
            step("replay of the large store", () -> replays.put("large", replay(options.largeEvents())));
            step("blue/green replay", () -> replays.put("blue/green", blueGreenReplay()));
            step("replay baseline", () -> replayRow(replays));
            memory();
            return;
        }
        if (options.writesOnly()) {
            step("writes", this::writes);
            freshnessSteps();
            memory();
            return;
        }
        // a community page needs 20 questions: copies of the template thread, projected live
        step("a full page", () -> {
            try (Connection c = copies.connect()) {
                copies.growTo(EventCopies.count(c) + 25L * copies.eventsPerCopy());
            }
            awaitCaughtUp();
        });
        // reads first: the write steps leave the projections a backlog on a slow machine
        step("reads", () -> {
            warmUpReads();
            reads.put("small", readGraphQl(0));
            report(reads.get("small"), readQueryService(0));
        });
        if (options.readsOnly()) {
            memory();
            return;
        }
        step("writes", this::writes);
        freshnessSteps();

        // Growth: rebuild everything from the store as it is now, then from the large store.
        step("replay of the store as it is", () -> replays.put("small", replay(0)));
        // before the large store: in --small its cold rebuild is capped and would still be running
        step("blue/green replay", () -> replays.put("blue/green", blueGreenReplay()));
        step("replay of the large store", () -> replays.put("large", replay(options.largeEvents())));
        step("replay baseline", () -> replayRow(replays));
        step("reads on the large store", () -> reads.put("large", readGraphQl(options.warmupMillis())));
        step("growth", () -> growth(reads, replays));
        memory();
    }

    // ---------------------------------------------------------------- 1. writes

    private void writes() throws Exception {
        heap.phase("writes");
        String[] row = copies.firstRow();
        try (Connection c = copies.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_event_entry");
            // the event table's shape, constraints and indexes, with its own sequence
            s.execute("""
                    CREATE TABLE bench_event_entry (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                        time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),
                        payload TEXT NOT NULL, meta_data TEXT, UNIQUE (aggregate_identifier, sequence_number))""");
        }
        for (int clients : WRITE_CLIENTS) {
            log("Writes: askQuestion through GraphQL, %d client(s) ...", clients);
            Map<String, double[]> callsBefore = clients == 1 ? gatewayCalls() : null;
            CpuMeter.Window used = cpu.window();
            // the query service's MongoDB commands in the measured window: what the projections cost per write
            CommandsWindow window = new CommandsWindow(used);
            Load.Result graphql = Load.closed(clients, options.warmupMillis(), options.durationMillis(), (client, n) -> {
                int member = client % MEMBERS;
                seed.call(member, Seed.ASK, Map.of("communityId", seed.communityGlobalId,
                        "title", "Benchmark question %d of member %d: what does a write cost?".formatted(n, member),
                        "body", "Measured end to end: the gateway, the command service, the event store and the read-back.",
                        "tags", List.of("benchmark", "performance")));
            }, window);
            report.note("CPU per mutation at %d client%s: %s.".formatted(clients, clients == 1 ? "" : "s",
                    used.perCall(graphql.operations())));
            noteMongoCommands("the writes of %d client%s".formatted(clients, clients == 1 ? "" : "s"), window,
                    graphql.operations());
            if (callsBefore != null) {
                noteGatewayCalls("the writes of one client", callsBefore, gatewayCalls());
            }
            log("Writes: the same event rows with plain JDBC inserts, %d client(s) ...", clients);
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                connections.add(copies.connect());
            }
            Load.Result jdbc;
            try {
                // plain inserts are warm within a second or two; the time saved keeps --small under five minutes
                jdbc = Load.closed(clients, Math.min(options.warmupMillis(), 2000), options.durationMillis(), (client, n) -> {
                    try (PreparedStatement s = connections.get(client).prepareStatement(
                            "INSERT INTO bench_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                                    + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?,?,0,?,?,?,?,?,?)")) {
                        s.setString(1, UUID.randomUUID().toString());
                        s.setString(2, UUID.randomUUID().toString());
                        for (int i = 0; i < 6; i++) {
                            s.setString(3 + i, row[i]);
                        }
                        s.executeUpdate();
                    }
                });
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
            double ratio = graphql.perSecond() / jdbc.perSecond();
            report.add("1. Writes, %d client%s".formatted(clients, clients == 1 ? "" : "s"), describe(graphql),
                    describe(jdbc) + " JDBC", Report.ratio(ratio), clients == 32 ? ">= 0.5" : "-",
                    clients == 32 ? ratio >= 0.5 : null);
            errors("writes at " + clients, graphql);
        }
        try (Connection c = copies.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_event_entry");
        }
        heap.phase(null);
    }

    // ---------------------------------------------------------------- 2. freshness

    /** A command's answer, waiting to be seen on the query side. */
    private record Pending(long position, long answeredAt) {
    }

    private void freshnessSteps() {
        step("catching up", this::awaitCaughtUp);
        step("freshness at a sustained rate", () -> freshness(SUSTAINED_FRESHNESS_RATE));
        step("catching up", this::awaitCaughtUp);
        step("freshness", () -> freshness(FRESHNESS_RATE));
    }

    private void freshness(int rate) throws Exception {
        log("Freshness: %d commands/s for %d s, until each is readable on the query side ...", rate,
                options.freshnessSeconds());
        Histogram freshness = Load.histogram();
        Histogram plainRead = Load.histogram();
        Histogram command = Load.histogram();
        LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        // the CPU of the whole step, its warm-up and the read side's catching up included, per command sent
        CpuMeter.Window used = cpu.window();
        used.opened();
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + options.freshnessSeconds() * 1_000_000_000L;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= end) {
                return;
            }
            long n = sent.incrementAndGet();
            senders.execute(() -> {
                int member = (int) (n % MEMBERS);
                long t0 = System.nanoTime();
                try {
                    JsonNode result = http.post(system.commandUrl() + "/commands/AskQuestion", Map.of(
                            "questionId", UUID.randomUUID().toString(), "communityId", seed.communityId,
                            "title", "Freshness probe %d: when can the query side read it?".formatted(n),
                            "body", "Sent at a steady rate; the benchmark waits until the read models have it.",
                            "tags", List.of("benchmark"), "actorId", seed.members.get(member).id()), null);
                    long t1 = System.nanoTime();
                    if (t0 >= warmupEnd) {
                        command.recordValue(t1 - t0);
                        pending.add(new Pending(result.path("position").asLong(), t1));
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.getMessage());
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        // the baseline: a plain read of the position now and then, beside the probe's waits
        ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
        reader.scheduleWithFixedDelay(() -> {
            try {
                long t0 = System.nanoTime();
                http.get(system.queryUrl() + "/position");
                plainRead.recordValue(System.nanoTime() - t0);
            } catch (IOException e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, POSITION_READ_MILLIS, TimeUnit.MILLISECONDS);
        // The probe asks for the oldest command not yet seen, and the query side answers the moment
        // its projections have it (minPosition), with the position they reached: every command up to
        // there became readable then, and none earlier, since a position is readable only once every
        // position before it is. So the probe learns each command's time without polling, one
        // request per step of the read side.
        List<Pending> waiting = new ArrayList<>();
        long waits = 0;
        while (System.nanoTime() < end + 5_000_000_000L) {
            Pending p;
            while ((p = pending.poll()) != null) {
                waiting.add(p);
            }
            if (waiting.isEmpty()) {
                if (System.nanoTime() > end) {
                    break;
                }
                p = pending.poll(10, TimeUnit.MILLISECONDS);
                if (p != null) {
                    waiting.add(p);
                }
                continue;
            }
            long oldest = waiting.stream().mapToLong(Pending::position).min().getAsLong();
            long position;
            try {
                position = http.get(system.queryUrl() + "/position?minPosition=" + oldest).path("position").asLong();
            } catch (IOException notYet) {
                // 503 after the query side's consistency timeout: still not readable, ask again
                Thread.sleep(5);
                continue;
            }
            long seen = System.nanoTime();
            waits++;
            waiting.removeIf(w -> {
                if (w.position() <= position) {
                    freshness.recordValue(Math.max(1_000, seen - w.answeredAt()));
                    return true;
                }
                return false;
            });
        }
        reader.shutdownNow();
        long gaveUp = System.nanoTime();
        used.closed();
        for (Pending w : waiting) {
            // not seen when the benchmark stopped looking: counted with the time waited so far (a lower bound)
            freshness.recordValue(Math.min(gaveUp - w.answeredAt(), freshness.getHighestTrackableValue()));
        }
        ticker.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        // answered after the benchmark stopped looking: not seen, for an unknown time
        long lateAnswers = pending.size();
        double achieved = command.getTotalCount() / (double) options.freshnessSeconds();
        double p99 = freshness.getValueAtPercentile(99) / 1e6;
        boolean target = rate == FRESHNESS_RATE;
        report.add("2. Freshness at %d commands/s (%.0f/s achieved)".formatted(rate, achieved),
                freshness.getTotalCount() == 0 ? "none seen" : "p50 %s, p99 %s%s".formatted(
                        Report.ms(freshness.getValueAtPercentile(50) / 1e6), Report.ms(p99),
                        waiting.isEmpty() ? "" : " (at least)"),
                "p50 %s, p99 %s one /position read".formatted(Report.ms(plainRead.getValueAtPercentile(50) / 1e6),
                        Report.ms(plainRead.getValueAtPercentile(99) / 1e6)),
                "-", target ? "p99 < 100 ms" : "- (the target's rate is %d/s)".formatted(FRESHNESS_RATE),
                target ? p99 < 100 && freshness.getTotalCount() > 0 : null);
        report.note(("Freshness at %d/s: %d commands answered, %d waits for a position and %d plain reads of it (command p50 %s, p99 %s); %d not seen on the query side"
                + " 5 s after the last was sent (counted with the time waited), %d answered only after that, %d failed%s.").formatted(
                rate, command.getTotalCount(), waits, plainRead.getTotalCount(), Report.ms(command.getValueAtPercentile(50) / 1e6),
                Report.ms(command.getValueAtPercentile(99) / 1e6), waiting.size(), lateAnswers, failures.get(),
                firstFailure.get() == null ? "" : " (" + firstFailure.get() + ")"));
        report.note("CPU per command at %d/s, sent to the command service directly (the whole step, until the read side had them all or the benchmark stopped looking): %s."
                .formatted(rate, used.perCall(sent.get())));
    }

    // ---------------------------------------------------------------- 3. and 5. replay

    record Replay(long events, double seconds, double perSecond, double startupSeconds, boolean finished) {
    }

    /**
     * Grows the store to {@code events} (when it holds fewer), drops every read model and token (the
     * whole read database and the search index) and times the restarted query service until every
     * projection has processed the head of the store, at most {@code replayCap}. The rate is taken
     * from the first moment the service answers, so its start-up does not count, and it is the rate
     * of the slowest projection ({@code /position} is the minimum over all of them).
     */
    private Replay replay(long events) throws Exception {
        system.stop(Service.QUERY);
        if (events > 0) {
            log("Replay: appending copies of the template thread up to %,d events ...", events);
            copies.growTo(events);
        }
        long head;
        long total;
        try (Connection c = copies.connect()) {
            head = EventCopies.head(c);
            total = EventCopies.count(c);
        }
        log("Replay: %,d events stored; dropping the read models and rebuilding them (at most %d s) ...", total,
                options.replayCap().toSeconds());
        try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
            mongo.getDatabase(new ConnectionString(system.mongoUri()).getDatabase()).drop();
        }
        deleteRecursively(system.dataDir().resolve("search-index"));
        long launched = System.nanoTime();
        // the cap counts from the service's first answer: its start-up on a busy machine is not the replay
        long giveUpAt = launched + options.replayCap().toNanos() + Duration.ofMinutes(10).toNanos();
        AtomicReference<long[]> first = new AtomicReference<>();
        AtomicReference<long[]> last = new AtomicReference<>();
        AtomicReference<Boolean> finished = new AtomicReference<>(false);
        CpuMeter.Window used = cpu.window();
        Thread watcher = new Thread(() -> {
            long lastPosition = Long.MIN_VALUE;
            long lastChange = System.nanoTime();
            long nextProgressLog = System.nanoTime();
            while (System.nanoTime() < giveUpAt
                    && (first.get() == null || System.nanoTime() < first.get()[0] + options.replayCap().toNanos())) {
                try {
                    long position = http.get(system.queryUrl() + "/position").path("position").asLong();
                    long now = System.nanoTime();
                    if (first.compareAndSet(null, new long[] {now, Math.max(0, position)})) {
                        used.opened();
                    }
                    last.set(new long[] {now, Math.max(0, position)});
                    if (position != lastPosition) {
                        lastPosition = position;
                        lastChange = now;
                    }
                    if (now >= nextProgressLog) {
                        // which projections are behind: the replay's rate is the slowest one's
                        nextProgressLog = now + 10_000_000_000L;
                        log("Replay: %s", slowestProcessors(5));
                    }
                    if (position >= head || (position > 0 && now - lastChange > 10_000_000_000L && processorsAt(head))) {
                        last.set(new long[] {now, head});
                        finished.set(true);
                        used.closed();
                        return;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                try {
                    // not much finer: each poll costs the query service the CPU its projections are measured on
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-replay-watch");
        watcher.start();
        system.start(Service.QUERY);
        double startup = seconds(launched);
        watcher.join();
        long[] start = first.get();
        long[] end = last.get();
        if (start == null || end == null) {
            throw new IllegalStateException("The query service never answered GET /position during the replay");
        }
        long processed = end[1] - start[1];
        double seconds = (end[0] - start[0]) / 1e9;
        double perSecond = seconds > 0 ? processed / seconds : 0;
        log("Replay: %s: %,d events in %.1f s after the service answered (%.1f s start-up): %,.0f events/s",
                finished.get() ? "done" : "CAPPED", processed, seconds, startup, perSecond);
        if (finished.get()) {
            report.note("CPU per event of the cold rebuild of %,d events: %s.".formatted(total, used.perCall(total)));
        }
        try {
            // every MongoDB command the fresh query service sent (the driver's Micrometer metric), per
            // event that a projection handled (praxis_projection_events_total): the cost of one handler call
            String[] metrics = metrics(system.queryUrl());
            double handled = 0;
            for (String line : metrics) {
                if (line.startsWith("praxis_projection_events_total{")) {
                    handled += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            // the processors' shared reads of the store (SharedCatchUpSource): read once, handed to each
            double pageReads = counter(metrics, "praxis_query_catch_up_reads_total");
            double pageEvents = counter(metrics, "praxis_query_catch_up_events_total");
            if (pageEvents > 0) {
                report.note(("Replay of %,d events: %,.0f events read from the store into shared pages, %,.0f handed from "
                        + "them to the processors (%.1f per event read).").formatted(total, pageReads, pageEvents,
                        pageEvents / pageReads));
            }
            Map<String, Double> byCollection = new java.util.TreeMap<>();
            mongoCommands(metrics).forEach((command, totals) -> byCollection.put(command, totals[0]));
            double commands = byCollection.values().stream().mapToDouble(Double::doubleValue).sum();
            if (handled > 0 && commands > 0) {
                report.note("Replay of %,d events: %,.0f MongoDB commands for %,.0f events handled by the projections: %.1f per event and projection."
                        .formatted(total, commands, handled, commands / handled));
                // where they went, largest first: a diagnosis for whoever makes the replay faster
                log("Replay: MongoDB commands per stored event, by collection and command:");
                byCollection.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .filter(e -> e.getValue() >= total / 100.0)
                        .forEach(e -> log("  %6.2f  %s", e.getValue() / total, e.getKey()));
            }
        } catch (Exception e) {
            // the figure is a diagnosis, not a measurement: leave it out
        }
        return new Replay(total, (end[0] - launched) / 1e9, perSecond, startup, finished.get());
    }

    /**
     * A blue/green replay of every projection ({@code POST /replays}), as an operator rebuilds the read
     * models without stopping anything: one processor reads the store once for all the projections
     * into a new generation, beside the live ones, and switches over when it has caught up. It starts
     * once the live projections have caught up, so it does not share the CPU with a cold rebuild. The
     * rate counts from the replay's start until it is DONE (switch included), at most {@code replayCap};
     * a capped one is reported at the rate it reached.
     */
    private Replay blueGreenReplay() throws Exception {
        awaitCaughtUp(options.replayCap());
        long total = storedEvents();
        log("Blue/green replay: every projection rebuilt from %,d events by one processor (at most %d s) ...",
                total, options.replayCap().toSeconds());
        String replays = system.queryUrl() + "/replays";
        CpuMeter.Window used = cpu.window();
        used.opened();
        JsonNode view = http.post(replays, Map.of("projections", List.of()), null);
        String id = view.path("id").asText();
        long started = System.nanoTime();
        long deadline = started + options.replayCap().toNanos();
        long nextProgressLog = started + 10_000_000_000L;
        while (!view.path("state").asText().equals("DONE") && System.nanoTime() < deadline) {
            if (view.path("state").asText().equals("FAILED")) {
                throw new IllegalStateException("The blue/green replay failed: " + view.path("message").asText());
            }
            Thread.sleep(250);
            view = http.get(replays + "/" + id);
            if (System.nanoTime() >= nextProgressLog) {
                nextProgressLog += 10_000_000_000L;
                log("Blue/green replay: %s, %,d of %,d positions, %,.0f events/s", view.path("state").asText(),
                        view.path("eventsDone").asLong(), view.path("eventsTotal").asLong(),
                        view.path("eventsPerSecond").asDouble());
            }
        }
        double seconds = seconds(started);
        boolean finished = view.path("state").asText().equals("DONE");
        used.closed();
        if (finished) {
            report.note("CPU per event of the blue/green replay of %,d events: %s.".formatted(total, used.perCall(total)));
        }
        long done = finished ? view.path("eventsTotal").asLong() : view.path("eventsDone").asLong();
        double perSecond = done / seconds;
        log("Blue/green replay: %s: %,d positions in %.1f s: %,.0f events/s", finished ? "done" : "CAPPED",
                done, seconds, perSecond);
        if (!finished && options.replayOnly()) {
            // the replay goes on: not under the baseline's read. (Otherwise the next step stops the
            // query service, which ends the replay and leaves the old read models live.)
            awaitReplay(replays + "/" + id, options.replayCap());
        }
        return new Replay(total, seconds, perSecond, 0, finished);
    }

    private void awaitReplay(String url, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            String state = http.get(url).path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return;
            }
            Thread.sleep(500);
        }
        log("The blue/green replay did not finish within %d s; going on.", atMost.toSeconds());
    }

    /** Row 3: the large replay beside a sequential read of the same rows. */
    private void replayRow(Map<String, Replay> replays) throws Exception {
        long baselineStart = System.nanoTime();
        long readRows = sequentialRead();
        double baselineRate = readRows / seconds(baselineStart);
        Replay large = replays.get("large");
        if (large == null) {
            report.add("3. Replay baseline only", "-", Report.rate(baselineRate) + " sequential read", "-",
                    ">= 0.5 and >= 20,000/s", false);
            return;
        }
        reportReplay("3. Replay", large, baselineRate);
        Replay blueGreen = replays.get("blue/green");
        if (blueGreen != null) {
            reportReplay("3. Replay, blue/green", blueGreen, baselineRate);
        }
        if (!large.finished() && !options.replayOnly() && !options.name().equals("small")) {
            awaitCaughtUp(options.replayCap());
        }
        // the small setting keeps to its five minutes: the reads on the large store then run during the
        // rest of its replay (growth says so)
    }

    private void reportReplay(String label, Replay replay, double baselineRate) {
        double ratio = replay.perSecond() / baselineRate;
        report.add("%s: all projections from %,d events%s".formatted(label, replay.events(),
                        replay.finished() ? "" : " (capped)"),
                Report.rate(replay.perSecond()) + " (%.0f s)".formatted(replay.seconds()),
                Report.rate(baselineRate) + " sequential read", Report.ratio(ratio),
                ">= 0.5 and >= 20,000/s", ratio >= 0.5 && replay.perSecond() >= 20_000);
    }

    /** Waits, at most two minutes, until the projections have processed the head of the store. */
    private void awaitCaughtUp() throws Exception {
        awaitCaughtUp(Duration.ofMinutes(2));
    }

    private void awaitCaughtUp(Duration atMost) throws Exception {
        long head;
        try (Connection c = copies.connect()) {
            head = EventCopies.head(c);
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get(system.queryUrl() + "/position").path("position").asLong() >= head) {
                return;
            }
            Thread.sleep(100);
        }
        log("The projections did not catch up with position %d within %d s; going on.", head, atMost.toSeconds());
        report.note("The projections had not caught up with position %d within %d s before a later step."
                .formatted(head, atMost.toSeconds()));
    }

    /** The {@code n} processors furthest behind, with their positions ("name position, ..."). */
    private String slowestProcessors(int n) throws IOException, InterruptedException {
        Map<String, Long> positions = new java.util.HashMap<>();
        for (JsonNode processor : http.get(system.queryUrl() + "/processors").path("processors")) {
            for (JsonNode segment : processor.path("segments")) {
                positions.merge(processor.path("name").asText(), reached(segment), Math::min);
            }
        }
        return positions.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(n)
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Every segment in the token store has reached {@code head} (for a /position held back by an old gap). */
    private boolean processorsAt(long head) throws IOException, InterruptedException {
        JsonNode processors = http.get(system.queryUrl() + "/processors").path("processors");
        for (JsonNode processor : processors) {
            for (JsonNode segment : processor.path("segments")) {
                if (reached(segment) < head) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How far a segment has come: as its instance handled it, or else as its stored token says (-1: not yet). */
    private static long reached(JsonNode segment) {
        return Math.max(segment.path("processed").asLong(-1), segment.path("position").asLong(-1));
    }

    /** The replay baseline: every event row read in order, as a plain JDBC cursor. */
    private long sequentialRead() throws SQLException {
        log("Replay baseline: a sequential read of every event ...");
        long rows = 0;
        long bytes = 0;
        try (Connection c = copies.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                    + " FROM domain_event_entry ORDER BY global_index")) {
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        bytes += r.getLong(1) + r.getString(2).length() + r.getString(9).length();
                        String meta = r.getString(10);
                        bytes += meta == null ? 0 : meta.length();
                    }
                }
            }
            c.commit();
        }
        return bytes < 0 ? -1 : rows;
    }

    // ---------------------------------------------------------------- 4. reads

    /**
     * Both read paths warmed up, one after the other, before either is measured: measured right after
     * its own warm-up, the path that ran second would find the query service already warmed by the
     * first, and the comparison would favour it.
     */
    private void warmUpReads() throws Exception {
        log("Reads: warming up both paths, %d clients, %d s each ...", READ_CLIENTS, options.warmupMillis() / 1000);
        Load.closed(READ_CLIENTS, options.warmupMillis(), 0, this::graphQlPage);
        Load.closed(READ_CLIENTS, options.warmupMillis(), 0, this::queryServicePage);
    }

    /** The GraphQL reads, after {@code warmupMillis} of their own warm-up (0: already warm). */
    private Load.Result readGraphQl(long warmupMillis) throws Exception {
        heap.phase("reads");
        log("Reads: a community page of 20 questions with authors through GraphQL, %d clients ...", READ_CLIENTS);
        Map<String, double[]> callsBefore = gatewayCalls();
        // the query service's MongoDB commands in the measured window, as the CPU is
        CpuMeter.Window used = cpu.window();
        CommandsWindow window = new CommandsWindow(used);
        Load.Result result = Load.closed(READ_CLIENTS, warmupMillis, options.durationMillis(), this::graphQlPage, window);
        report.note("CPU per GraphQL page (%,d events stored): %s.".formatted(storedEvents(), used.perCall(result.operations())));
        noteGatewayCalls("the GraphQL reads (%,d events stored)".formatted(storedEvents()), callsBefore, gatewayCalls());
        noteMongoCommands("the GraphQL reads (%,d events stored)".formatted(storedEvents()), window, result.operations());
        errors("GraphQL reads", result);
        heap.phase(null);
        return result;
    }

    private void graphQlPage(int client, long n) throws Exception {
        JsonNode data = seed.call(client % MEMBERS, FEED, Map.of("id", seed.communityGlobalId));
        if (data.path("community").path("questions").path("edges").size() != 20) {
            throw new IOException("The feed page has not 20 questions: " + Http.abbreviate(data.toString()));
        }
    }

    /** The same data from the query service's own endpoints: the community, its page, the authors. */
    private Load.Result readQueryService(long warmupMillis) throws Exception {
        heap.phase("reads");
        log("Reads baseline: the same data from the query service's endpoints, %d clients ...", READ_CLIENTS);
        CpuMeter.Window used = cpu.window();
        Load.Result result = Load.closed(READ_CLIENTS, warmupMillis, options.durationMillis(), this::queryServicePage, used);
        report.note("CPU per page from the query service's endpoints: %s.".formatted(used.perCall(result.operations())));
        errors("query-service reads", result);
        heap.phase(null);
        return result;
    }

    private void queryServicePage(int client, long n) throws Exception {
        String query = system.queryUrl();
        String viewer = seed.members.get(client % MEMBERS).id();
        http.get(query + "/communities/" + seed.communityId + "?viewer=" + viewer);
        JsonNode page = http.get(query + "/communities/" + seed.communityId + "/questions?first=20&viewer=" + viewer);
        List<String> authors = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            authors.add(item.path("authorId").asText());
        }
        if (authors.size() != 20) {
            throw new IOException("The page has not 20 questions: " + Http.abbreviate(page.toString()));
        }
        http.post(query + "/members/batch?viewer=" + viewer, Map.of("ids", authors.stream().distinct().toList()), null);
    }

    private void report(Load.Result graphql, Load.Result baseline) {
        double cost = baseline.perSecond() / graphql.perSecond();
        report.add("4. Reads: feed page, %d clients".formatted(READ_CLIENTS), describe(graphql),
                describe(baseline) + " query service", Report.ratio(cost) + "x cost", "<= 1.5x", cost <= 1.5);
    }

    // ---------------------------------------------------------------- 5. growth, 6. memory

    private void growth(Map<String, Load.Result> reads, Map<String, Replay> replays) {
        Load.Result small = reads.get("small");
        Load.Result large = reads.get("large");
        Replay rs = replays.get("small");
        Replay rl = replays.get("large");
        double latency = large.p50() / small.p50();
        report.add("5. Growth: read p50/p99 at %,d vs %,d events%s".formatted(rl.events(), rs.events(),
                        rl.finished() ? "" : " (replay unfinished)"),
                "%s / %s".formatted(Report.ms(large.p50()), Report.ms(large.p99())),
                "%s / %s".formatted(Report.ms(small.p50()), Report.ms(small.p99())), Report.ratio(latency),
                "the same (<= 1.25)", small.operations() >= 100 && large.operations() >= 100 && rl.finished()
                        ? latency <= 1.25 : null);
        // time per event at each size, start-up left out (a capped replay: at the rate it reached)
        double proportional = rs.perSecond() / rl.perSecond();
        report.add("5. Growth: replay time at %,d vs %,d events%s".formatted(rl.events(), rs.events(),
                        rs.finished() && rl.finished() ? "" : " (capped: time at the rate so far)"),
                replayTime(rl), replayTime(rs),
                Report.ratio(proportional) + " per event", "proportional (<= 1.25 per event)",
                rs.finished() && rl.finished() ? proportional <= 1.25 : null);
        report.note("Replay times include the query service's start (%.0f s and %.0f s); the rates count only from its first answer."
                .formatted(rs.startupSeconds(), rl.startupSeconds()));
    }

    private static String replayTime(Replay r) {
        return r.finished() ? "%.1f s (%s)".formatted(r.seconds(), Report.rate(r.perSecond()))
                : "~%.0f s projected (%s)".formatted(r.events() / Math.max(r.perSecond(), 0.001), Report.rate(r.perSecond()));
    }

    private void memory() {
        for (Map.Entry<String, Map<Service, Long>> phase : heap.peaks().entrySet()) {
            Map<Service, Long> peaks = phase.getValue();
            long max = peaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
            StringBuilder figures = new StringBuilder();
            for (Service service : Service.values()) {
                if (peaks.containsKey(service)) {
                    figures.append(figures.isEmpty() ? "" : ", ").append(service.moduleName().replace("-service", ""))
                            .append(' ').append(Report.mib(peaks.get(service)));
                }
            }
            report.add("6. Memory: peak heap under the %s load".formatted(phase.getKey()), figures.toString(),
                    "-Xmx512m", "-", "<= 512 MiB each", !peaks.isEmpty() && max <= 512L << 20);
        }
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs one part of the benchmark; a failure is reported in the table and the rest still runs. */
    private void step(String name, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            log("FAILED: %s: %s", name, e);
            report.note("FAILED: %s: %s".formatted(name, e.getMessage()));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String describe(Load.Result r) {
        return "%s, p50 %s, p99 %s".formatted(Report.rate(r.perSecond()), Report.ms(r.p50()), Report.ms(r.p99()));
    }

    private void errors(String what, Load.Result r) {
        if (r.errors() > 0) {
            report.note("%s: %d failed calls (first: %s)".formatted(what, r.errors(), r.firstError()));
        }
    }

    /** The 1-minute load average: other work on the machine shows in every figure. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /**
     * The gateway's calls to the backend services so far (its {@code http.client.requests} timers), by
     * method and URI template: count and total seconds.
     */
    private Map<String, double[]> gatewayCalls() {
        return timerTotals(metrics(system.gatewayUrl()), "http_client_requests_seconds", "method", "uri");
    }

    /** A load's measured window, in which the CPU and the query service's MongoDB commands are counted. */
    private final class CommandsWindow implements Load.Window {

        private final CpuMeter.Window cpuWindow;
        private volatile Map<String, double[]> before = Map.of();
        private volatile Map<String, double[]> after = Map.of();

        CommandsWindow(CpuMeter.Window cpuWindow) {
            this.cpuWindow = cpuWindow;
        }

        @Override
        public void opened() {
            before = mongoCommands();
            cpuWindow.opened();
        }

        @Override
        public void closed() {
            cpuWindow.closed();
            after = mongoCommands();
        }
    }

    private void noteMongoCommands(String what, CommandsWindow window, long calls) {
        noteMongoCommands(what, window.before, window.after, calls);
    }

    /** The query service's MongoDB commands so far, by collection and command: count and seconds. */
    private Map<String, double[]> mongoCommands() {
        return mongoCommands(metrics(system.queryUrl()));
    }

    private static Map<String, double[]> mongoCommands(String[] queryServiceMetrics) {
        return timerTotals(queryServiceMetrics, "mongodb_driver_commands_seconds", "collection", "command");
    }

    /** A service's metrics in the Prometheus text format, one sample a line (none when it cannot be read). */
    private String[] metrics(String serviceUrl) {
        try {
            return http.getText(serviceUrl + "/actuator/prometheus").split("\n");
        } catch (Exception e) {
            // a diagnosis, not a measurement: without it the note is left out
            return new String[0];
        }
    }

    /** A Micrometer counter's value, summed over its labels (0 when absent). */
    private static double counter(String[] metrics, String name) {
        double total = 0;
        for (String line : metrics) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /** A Micrometer timer {@code timer}, summed by two of its labels: count and seconds. */
    private static Map<String, double[]> timerTotals(String[] metrics, String timer, String label1, String label2) {
        Map<String, double[]> totals = new java.util.TreeMap<>();
        for (String line : metrics) {
            boolean count = line.startsWith(timer + "_count{");
            if (count || line.startsWith(timer + "_sum{")) {
                String key = label(line, label1) + " " + label(line, label2);
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                totals.computeIfAbsent(key, c -> new double[2])[count ? 0 : 1] += value;
            }
        }
        return totals;
    }

    /**
     * The query service's MongoDB commands per call of a load's measured window, by collection and
     * command, with their mean time: which read grows with the store.
     */
    private void noteMongoCommands(String what, Map<String, double[]> before, Map<String, double[]> after, long calls) {
        List<String> parts = new ArrayList<>();
        double all = after.entrySet().stream()
                .mapToDouble(e -> e.getValue()[0] - before.getOrDefault(e.getKey(), new double[2])[0]).sum();
        after.entrySet().stream()
                .map(e -> {
                    double[] b = before.getOrDefault(e.getKey(), new double[2]);
                    return Map.entry(e.getKey(), new double[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
                })
                .filter(e -> e.getValue()[0] > 0)
                .sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1]))
                .limit(6)
                .forEach(e -> parts.add("%s %.2f per call, mean %s".formatted(e.getKey(), e.getValue()[0] / calls,
                        Report.ms(e.getValue()[1] / e.getValue()[0] * 1000))));
        if (!parts.isEmpty() && calls > 0) {
            report.note("The query service's MongoDB commands during %s: %.1f per call in all; most time first: %s."
                    .formatted(what, all / calls, String.join("; ", parts)));
        }
    }

    /** How many events the store holds (-1 when it cannot be read). */
    private long storedEvents() {
        try (Connection c = copies.connect()) {
            return EventCopies.count(c);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Where a GraphQL operation's time went: the backend calls made meanwhile, with their mean times. */
    private void noteGatewayCalls(String what, Map<String, double[]> before, Map<String, double[]> after) {
        List<String> parts = new ArrayList<>();
        double most = after.entrySet().stream()
                .mapToDouble(e -> e.getValue()[0] - before.getOrDefault(e.getKey(), new double[2])[0]).max().orElse(0);
        after.forEach((call, a) -> {
            double[] b = before.getOrDefault(call, new double[2]);
            double calls = a[0] - b[0];
            if (calls > 0 && calls >= most / 10) {
                parts.add("%s %,.0f calls, mean %s".formatted(call, calls, Report.ms((a[1] - b[1]) / calls * 1000)));
            }
        });
        if (!parts.isEmpty()) {
            report.note("The gateway's calls to the backend during %s (its own warm-up included): %s."
                    .formatted(what, String.join("; ", parts)));
        }
    }

    /** The value of one label of a Prometheus sample line ("?" when it has none). */
    private static String label(String line, String name) {
        int at = line.indexOf(name + "=\"");
        if (at < 0) {
            return "?";
        }
        int start = at + name.length() + 2;
        return line.substring(start, line.indexOf('"', start));
    }

    private static void log(String format, Object... args) {
        System.out.printf("%tT  " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
