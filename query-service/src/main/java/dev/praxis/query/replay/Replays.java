package dev.praxis.query.replay;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import dev.praxis.api.query.ReplayView;
import dev.praxis.query.scaling.ScalingProperties;
import dev.praxis.query.shared.QueryRejectedException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import dev.praxis.query.eventstore.SharedCatchUpSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.praxis.query.scaling.ProcessorTimes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.praxis.query.shared.Claims;
import dev.praxis.query.shared.DeliveryHorizon;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Blue/green replays. A replay rebuilds one or more projections from the first event into a new
 * generation of their collections while the live processors keep the old generation current and
 * every query keeps reading it. The projections asked for are shared among a few replay processors
 * ({@code praxis.query.replay.threads}, {@link TrackingEventProcessor}s built at run time, named
 * {@code replay-<generation>-<n>}, with the live processors' own handlers), each reading the event
 * stream once for its share, on a thread of its own: the projections are independent of each other
 * (live, each runs in its own processor too), and one thread left a two-core machine half idle. The
 * shares are balanced by the time each projection's handlers took so far on this instance
 * ({@code praxis.projection.handling}). When every replay processor has caught up with the store's
 * head, the switch: the live processors of those projections stop, their segments are claimed here,
 * the replay finishes up to their position, each projection's tokens are set to those of the replay
 * processor that rebuilt it, one update of the control document makes the new generation live, and
 * the live processors start again on it. The old
 * generation is dropped a while later. Only one replay runs at a time across all instances (a lock
 * in the control document); a second request is refused with {@code REPLAY_RUNNING}.
 *
 * <p>The search projection keeps its Lucene index and its token outside MongoDB and is not replayed
 * this way (delete its index directory to rebuild it).
 */
@Component
public class Replays {

    static final String REPLAYS = "replays";
    static final String SEARCH = "search";
    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final long POLL_MILLIS = 100;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(3);

    private final EventProcessingConfiguration processing;
    private final EmbeddedEventStore eventStore;
    private final SharedCatchUpSource catchUp;
    private final TokenStore tokenStore;
    private final MongoTemplate mongo;
    private final MongoDatabase raw;
    private final Generations generations;
    private final ReplayProperties properties;
    private final String node;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(daemon("replay-coordinator"));
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(daemon("replay-retirer"));
    private volatile Run current;

    public Replays(EventProcessingConfiguration processing, EmbeddedEventStore eventStore, SharedCatchUpSource catchUp,
                   TokenStore tokenStore, MongoTemplate mongo, Generations generations, ReplayProperties properties,
                   ScalingProperties scaling, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.catchUp = catchUp;
        this.tokenStore = tokenStore;
        this.mongo = mongo;
        this.raw = generations.raw();
        this.generations = generations;
        this.properties = properties;
        this.node = scaling.nodeId();
        this.meters = meters;
        // a switch on another instance needs the segments this one holds of the replayed projections
        retirer.scheduleWithFixedDelay(this::releaseForSwitch, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void releaseForSwitch() {
        try {
            for (String group : generations.switching(node)) {
                processing.eventProcessor(group, TrackingEventProcessor.class).ifPresent(processor ->
                        processor.processingStatus().keySet().forEach(segment -> {
                            log.info("Releasing segment {} of {} for a replay's switch on another instance", segment, group);
                            processor.releaseSegment(segment, properties.switchTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        }));
            }
        } catch (RuntimeException e) {
            log.debug("Looking for a switch on another instance failed", e);
        }
    }

    /** The projections a replay may rebuild: every streaming processor's group but search. */
    public List<String> replayable() {
        return new TreeSet<>(processing.eventProcessors().keySet()).stream()
                .filter(name -> !name.equals(SEARCH))
                .filter(name -> processing.eventProcessor(name, TrackingEventProcessor.class).isPresent())
                .toList();
    }

    /**
     * Starts a replay of the projections (all of them when none is named) and answers it as it
     * starts; its progress is read with {@link #find}.
     */
    public ReplayView start(List<String> projections) {
        List<String> groups = checked(projections);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Integer generation = generations.acquire(id, node, now, properties.lockTimeout());
        if (generation == null) {
            String running = generations.running();
            throw new QueryRejectedException(409, "CONFLICT", "REPLAY_RUNNING", "Replay " + running
                    + " is running; one replay runs at a time. Follow it with GET /replays/" + running + ".");
        }
        Run run = new Run(id, groups, generation, now);
        current = run;
        run.save();
        runner.submit(() -> run.execute());
        return run.view();
    }

    /** A replay by id, from any instance (the state is stored); 404 {@code UNKNOWN_REPLAY}. */
    public ReplayView find(String id) {
        Document document = mongo.findById(id, Document.class, REPLAYS);
        if (document == null) {
            throw QueryRejectedException.notFound("UNKNOWN_REPLAY", "There is no replay " + id + ".");
        }
        return view(document);
    }

    /** The latest replays, newest first. */
    public List<ReplayView> latest(int limit) {
        return mongo.find(query(new org.springframework.data.mongodb.core.query.Criteria())
                        .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "startedAt"))
                        .limit(limit), Document.class, REPLAYS).stream().map(Replays::view).toList();
    }

    private List<String> checked(List<String> projections) {
        List<String> replayable = replayable();
        if (projections == null || projections.isEmpty()) {
            return replayable;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String projection : projections) {
            if (SEARCH.equals(projection)) {
                throw QueryRejectedException.invalid("PROJECTION_NOT_REPLAYABLE", "The search projection keeps its "
                        + "Lucene index outside MongoDB and is not replayed blue/green: delete its index directory "
                        + "(praxis.search.index-dir) on an instance to rebuild it there.");
            }
            if (projection == null || !replayable.contains(projection)) {
                throw QueryRejectedException.invalid("UNKNOWN_PROJECTION", "There is no projection '" + projection
                        + "'; the projections are " + String.join(", ", replayable) + ".");
            }
            groups.add(projection);
        }
        return List.copyOf(groups);
    }

    @PreDestroy
    void stop() {
        Run run = current;
        if (run != null) {
            run.cancelled = true;
        }
        runner.shutdown();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retirer.shutdownNow();
    }

    /** One replay, run by the coordinator thread. */
    private final class Run {

        private final String id;
        private final List<String> groups;
        private final int generation;
        private final Instant startedAt;
        private final List<Part> parts;
        private final ReplayTarget target;
        private final Deque<long[]> samples = new ArrayDeque<>();
        private volatile boolean cancelled;
        private volatile boolean started;
        private String state = "BUILDING";
        private long startPosition = -1;
        private long position = -1;
        private long head = -1;
        private double rate;
        private Long secondsLeft;
        private Instant switchedAt;
        private String message;

        Run(String id, List<String> groups, int generation, Instant startedAt) {
            this.id = id;
            this.groups = groups;
            this.generation = generation;
            this.startedAt = startedAt;
            this.parts = parts(generation, groups);
            Map<String, Set<String>> known = new LinkedHashMap<>();
            groups.forEach(g -> known.put(g, generations.liveOf(g).collections()));
            this.target = new ReplayTarget(generation, groups, known);
        }

        void execute() {
            List<TrackingEventProcessor> live = groups.stream().map(this::liveProcessor).toList();
            try {
                build(live);
                if (!cancelled) {
                    switchOver(live);
                }
                if (cancelled && !"DONE".equals(state)) {
                    fail("The replay stopped with the service; the old read models stay live.", live);
                }
            } catch (Exception | AssertionError e) {
                log.warn("Replay {} of {} failed", id, groups, e);
                fail("The replay failed (" + e.getMessage() + "); the old read models stay live.", live);
            } finally {
                generations.release(id);
                // the end (DONE or FAILED) is stored only now: a client that reads it may start the next replay at once
                save();
                current = null;
            }
        }

        private TrackingEventProcessor liveProcessor(String group) {
            return processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no tracking processor " + group));
        }

        /** Rebuilds the new generation from the first event until it has caught up with the head. */
        private void build(List<TrackingEventProcessor> live) throws InterruptedException {
            List<EventHandlerInvoker> invokers = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                String group = groups.get(i);
                EventHandlerInvoker invoker = live.get(i).eventHandlerInvoker();
                // the reset handlers drop the new generation's collections (left over from a failed
                // replay) and declare their indexes; what they touch are the projection's collections
                target.recording(group, () -> {
                    invoker.performReset();
                    return null;
                });
                invokers.add(invoker);
            }
            copyIndexes();
            parts.forEach(part -> deleteTokens(part.name()));
            TrackingToken tail = eventStore.createTailToken();
            startPosition = tail == null ? -1 : tail.position().orElse(-1);
            position = startPosition;
            head = headPosition();
            for (Part part : parts) {
                List<EventHandlerInvoker> ofPart = part.groups().stream().map(g -> invokers.get(groups.indexOf(g))).toList();
                part.start(TrackingEventProcessor.builder()
                        .name(part.name())
                        .eventHandlerInvoker(new MultiEventHandlerInvoker(ofPart))
                        // the replay's processors share one read of the store (the live ones are at its head)
                        .messageSource(catchUp)
                        .tokenStore(tokenStore)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                                .andThreadFactory(name -> runnable -> {
                                    Thread thread = new Thread(target.bind(runnable), part.name());
                                    thread.setDaemon(true);
                                    return thread;
                                }))
                        .build());
            }
            started = true;
            save();
            while (!cancelled) {
                Thread.sleep(POLL_MILLIS);
                progress();
                if (currentPosition() >= head && parts.stream().allMatch(Part::healthy)) {
                    return;
                }
            }
        }

        /** Progress: the replay's position against the head, and the rate over the last seconds. */
        private void progress() {
            head = headPosition();
            long handled = parts.stream().mapToLong(part -> part.handled().get()).min().orElse(-1);
            position = Math.max(currentPosition(), Math.min(handled, head));
            long now = System.nanoTime();
            samples.addLast(new long[] {now, position});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW.toNanos()) {
                samples.removeFirst();
            }
            long[] oldest = samples.peekFirst();
            double seconds = (now - oldest[0]) / 1e9;
            rate = seconds > 0 ? (position - oldest[1]) / seconds : 0;
            long left = Math.max(0, head - position);
            secondsLeft = left == 0 ? Long.valueOf(0) : rate > 0 ? Long.valueOf((long) Math.ceil(left / rate)) : null;
            message = parts.stream().anyMatch(Part::inError)
                    ? "A replay processor is in error and retries; see the service log." : null;
            save();
            generations.beat(id, clock.instant());
        }

        /** The position up to which every replay processor's token is stored (every event before it handled). */
        private long currentPosition() {
            if (!started) {
                return position;
            }
            return parts.stream().mapToLong(part -> part.position(startPosition)).min().orElse(startPosition);
        }

        /**
         * The switch: stop the live processors, hold their segments, finish the replay up to their
         * position, hand them the replay's token, make the new generation live in one update, start
         * them again.
         */
        private void switchOver(List<TrackingEventProcessor> live) throws InterruptedException {
            state = "SWITCHING";
            save();
            long deadline = System.nanoTime() + properties.switchTimeout().toNanos();
            // all at once: each waits for its batch in flight
            java.util.concurrent.CompletableFuture.allOf(live.stream().map(TrackingEventProcessor::shutdownAsync)
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
            generations.requestRelease(id, node, groups);
            Map<String, int[]> segments = new LinkedHashMap<>();
            long livePosition = -1;
            try {
                for (String group : groups) {
                    int[] ofGroup = tokenStore.fetchSegments(group);
                    segments.put(group, ofGroup);
                    for (int segment : ofGroup) {
                        TrackingToken token = claim(group, segment, deadline);
                        livePosition = Math.max(livePosition, token == null ? -1 : token.position().orElse(-1));
                    }
                }
                while (currentPosition() < livePosition) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replay did not reach the live position " + livePosition
                                + " within " + properties.switchTimeout());
                    }
                    Thread.sleep(10);
                }
                parts.forEach(Part::shutDown);
                long reached = Long.MAX_VALUE;
                for (Part part : parts) {
                    // each projection goes on from where the replay processor that rebuilt it stopped
                    TrackingToken token = tokenStore.fetchToken(part.name(), 0);
                    reached = Math.min(reached, token == null ? position : token.position().orElse(position));
                    for (String group : part.groups()) {
                        for (int segment : segments.get(group)) {
                            tokenStore.storeToken(token, group, segment);
                        }
                    }
                }
                position = reached == Long.MAX_VALUE ? position : reached;
                Map<String, Generations.Live> previous = generations.switchTo(generation, target.collections(), clock.instant());
                switchedAt = clock.instant();
                state = "DONE";
                head = Math.max(head, position);
                secondsLeft = 0L;
                message = null;
                double seconds = Math.max(0.001, Duration.between(startedAt, switchedAt).toMillis() / 1000.0);
                log.info("Replay {} of {} switched to generation {}: {} events in {} s ({} events/s)", id, groups,
                        generation, position - startPosition, seconds, Math.round((position - startPosition) / seconds));
                retire(previous);
            } finally {
                segments.forEach((group, ofGroup) -> {
                    for (int segment : ofGroup) {
                        try {
                            tokenStore.releaseClaim(group, segment);
                        } catch (RuntimeException e) {
                            log.debug("Releasing {}/{}", group, segment, e);
                        }
                    }
                });
                // on success they run on the new generation, on failure they go on with the old one
                live.forEach(TrackingEventProcessor::start);
            }
            parts.forEach(part -> deleteTokens(part.name()));
        }

        private TrackingToken claim(String group, int segment, long deadline) throws InterruptedException {
            while (true) {
                try {
                    return tokenStore.fetchToken(group, segment);
                } catch (UnableToClaimTokenException heldElsewhere) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("segment " + segment + " of " + group
                                + " stays held by another instance of the query service");
                    }
                    Thread.sleep(100);
                }
            }
        }

        /** After a while (the other instances' readers move over within the control TTL), drop the old generation. */
        private void retire(Map<String, Generations.Live> previous) {
            Map<String, Set<String>> now = target.collections();
            previous.forEach((group, old) -> {
                Set<String> collections = new HashSet<>(old.collections());
                collections.addAll(now.get(group));
                retirer.schedule(() -> {
                    try {
                        generations.drop(collections, old.generation());
                    } catch (RuntimeException e) {
                        log.warn("Dropping generation {} of {} failed", old.generation(), group, e);
                    }
                }, properties.retireAfter().toMillis(), TimeUnit.MILLISECONDS);
            });
        }

        private void fail(String why, List<TrackingEventProcessor> live) {
            state = "FAILED";
            message = why;
            try {
                parts.forEach(Part::shutDown);
                if (!cancelled) {
                    // (when the service shuts down, Axon stops the processors itself)
                    live.forEach(processor -> {
                        if (!processor.isRunning()) {
                            processor.start();
                        }
                    });
                }
                parts.forEach(part -> deleteTokens(part.name()));
                target.collections().values().forEach(collections -> generations.drop(collections, generation));
            } catch (RuntimeException e) {
                log.warn("Cleaning up after replay {} failed", id, e);
            }
        }

        /** The new generation gets the indexes the live collections have (a reset handler may not declare them). */
        private void copyIndexes() {
            target.collections().values().forEach(collections -> collections.forEach(collection -> {
                MongoCollection<Document> from = raw.getCollection(generations.live(collection));
                MongoCollection<Document> to = raw.getCollection(Generations.physical(collection, generation));
                for (Document index : from.listIndexes()) {
                    if ("_id_".equals(index.getString("name"))) {
                        continue;
                    }
                    IndexOptions options = new IndexOptions().name(index.getString("name"))
                            .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false));
                    to.createIndex(index.get("key", Document.class), options);
                }
            }));
        }

        void save() {
            ReplayView view = view();
            mongo.upsert(query(where("_id").is(id)), new Update()
                    .set("projections", view.projections()).set("state", view.state()).set("generation", generation)
                    .set("startPosition", view.startPosition()).set("position", view.position())
                    .set("headPosition", view.headPosition()).set("eventsPerSecond", view.eventsPerSecond())
                    .set("secondsLeft", view.secondsLeft()).set("startedAt", startedAt).set("switchedAt", switchedAt)
                    .set("message", message).set("node", node), REPLAYS);
        }

        ReplayView view() {
            long done = Math.max(0, position - startPosition);
            long total = Math.max(done, head - startPosition);
            return new ReplayView(id, groups, state, generation, startPosition, position, head, done, total,
                    Math.round(rate * 10) / 10.0, secondsLeft, startedAt, switchedAt, message);
        }
    }

    /**
     * The replay processors of a replay and the projections each rebuilds: at most
     * {@code praxis.query.replay.threads}, the most costly projection first to the least loaded one,
     * by the time their handlers took so far on this instance (each counts as much as the cheapest
     * that has a time when it has none).
     */
    private List<Part> parts(int generation, List<String> groups) {
        Map<String, Double> cost = new LinkedHashMap<>();
        for (String group : groups) {
            Timer timer = meters.find(ProcessorTimes.METRIC).tag("processor", group).timer();
            cost.put(group, timer == null ? 0 : timer.totalTime(TimeUnit.NANOSECONDS));
        }
        double floor = cost.values().stream().filter(c -> c > 0).min(Double::compare).orElse(1.0);
        cost.replaceAll((group, c) -> c > 0 ? c : floor);
        int count = Math.min(properties.threads(), groups.size());
        List<List<String>> shares = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
        }
        groups.stream().sorted(java.util.Comparator.comparing((String g) -> cost.get(g)).reversed().thenComparing(g -> g))
                .forEach(group -> {
                    int least = 0;
                    for (int i = 1; i < count; i++) {
                        if (load[i] < load[least]) {
                            least = i;
                        }
                    }
                    shares.get(least).add(group);
                    load[least] += cost.get(group);
                });
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new Part("replay-" + generation + "-" + (i + 1), List.copyOf(shares.get(i))));
        }
        return parts;
    }

    /** One replay processor and the projections it rebuilds. */
    private final class Part {

        private final String name;
        private final List<String> groups;
        /** The position of the last event a handler took, ahead of the token (stored once per batch). */
        private final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong(-1);
        private volatile TrackingEventProcessor processor;

        Part(String name, List<String> groups) {
            this.name = name;
            this.groups = groups;
        }

        String name() {
            return name;
        }

        List<String> groups() {
            return groups;
        }

        java.util.concurrent.atomic.AtomicLong handled() {
            return handled;
        }

        void start(TrackingEventProcessor built) {
            built.registerHandlerInterceptor(new Progress(handled, properties.maxEventsPerSecond()));
            built.registerHandlerInterceptor(new DeliveryHorizon(name, mongo, Claims.of(tokenStore)));
            processor = built;
            built.start();
        }

        /** Up to where its token is stored: {@code start} while it has none. */
        long position(long start) {
            TrackingEventProcessor running = processor;
            if (running == null) {
                return start;
            }
            return running.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(java.util.OptionalLong::isPresent)
                    .mapToLong(java.util.OptionalLong::getAsLong)
                    .min().orElse(start);
        }

        boolean healthy() {
            TrackingEventProcessor running = processor;
            return running != null && running.isRunning() && !running.isError();
        }

        boolean inError() {
            TrackingEventProcessor running = processor;
            return running != null && running.isError();
        }

        void shutDown() {
            TrackingEventProcessor running = processor;
            if (running != null) {
                running.shutDown();
            }
        }
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void deleteTokens(String processor) {
        mongo.remove(query(where("processorName").is(processor)), "tracking_tokens");
        // what the processor handed before goes with its token: the replay's collections start empty
        mongo.remove(query(where("_id").is(processor)), DeliveryHorizon.COLLECTION);
    }

    private static ReplayView view(Document d) {
        long start = d.get("startPosition", Number.class).longValue();
        long position = d.get("position", Number.class).longValue();
        long head = d.get("headPosition", Number.class).longValue();
        Number secondsLeft = d.get("secondsLeft", Number.class);
        long done = Math.max(0, position - start);
        return new ReplayView(d.getString("_id"), d.getList("projections", String.class), d.getString("state"),
                d.getInteger("generation"), start, position, head, done, Math.max(done, head - start),
                d.get("eventsPerSecond", Number.class).doubleValue(), secondsLeft == null ? null : secondsLeft.longValue(),
                instant(d.get("startedAt")), instant(d.get("switchedAt")), d.getString("message"));
    }

    private static Instant instant(Object value) {
        return value instanceof java.util.Date date ? date.toInstant() : null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Notes the position of each event the replay's handlers take (progress between the token's
     * updates, once per batch) and paces the replay to at most a number of events per second.
     */
    private static final class Progress implements MessageHandlerInterceptor<EventMessage<?>> {

        private final java.util.concurrent.atomic.AtomicLong handled;
        private final long nanosPerEvent;
        private long next = System.nanoTime();

        Progress(java.util.concurrent.atomic.AtomicLong handled, int perSecond) {
            this.handled = handled;
            this.nanosPerEvent = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
        }

        @Override
        public Object handle(org.axonframework.messaging.unitofwork.UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             org.axonframework.messaging.InterceptorChain chain) throws Exception {
            if (nanosPerEvent > 0) {
                long now = System.nanoTime();
                next = Math.max(next, now - nanosPerEvent) + nanosPerEvent;
                long wait = next - now;
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            Object result = chain.proceed();
            if (unitOfWork.getMessage() instanceof org.axonframework.eventhandling.TrackedEventMessage<?> tracked
                    && tracked.trackingToken() != null) {
                tracked.trackingToken().position().ifPresent(p -> handled.accumulateAndGet(p, Math::max));
            }
            return result;
        }
    }
}
