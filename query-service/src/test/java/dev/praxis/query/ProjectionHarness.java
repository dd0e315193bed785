package dev.praxis.query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.praxis.query.shared.DeliveryHorizon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import dev.praxis.query.shared.AccessReportingDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Feeds events through real projections, by Axon's own handler dispatch, into the embedded MongoDB
 * server, and answers the read models they leave. Register it with {@code @RegisterExtension}.
 */
public final class ProjectionHarness implements BeforeAllCallback, AfterAllCallback {

    private final Function<MongoTemplate, List<Object>> projections;
    private final List<CommandListener> listeners;
    private MongoServer server;
    private MongoClient client;

    /** @param projections the projections under test, built on the template of a fresh database */
    public ProjectionHarness(Function<MongoTemplate, List<Object>> projections) {
        this(projections, new CommandListener[0]);
    }

    /** @param listeners told each command the harness's client sends, for a test that watches them */
    public ProjectionHarness(Function<MongoTemplate, List<Object>> projections, CommandListener... listeners) {
        this.projections = projections;
        this.listeners = List.of(listeners);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()));
        listeners.forEach(settings::addCommandListener);
        client = MongoClients.create(settings.build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    /**
     * The template of a database the harness projected into. Its databases report their accesses,
     * as the query service's do, so that under a tracking processor the writes go behind the batch.
     */
    public MongoTemplate mongo(String database) {
        return reportingTemplate(client, database);
    }

    /** A template on the database whose databases report their accesses (see {@link #mongo}). */
    public static MongoTemplate reportingTemplate(MongoClient client, String database) {
        return new MongoTemplate(new AccessReportingDatabaseFactory(new SimpleMongoClientDatabaseFactory(client, database)));
    }

    /** The client of the embedded server, for a test that watches the commands. */
    public MongoClient client() {
        return client;
    }

    /** Projects the events, in order, into a fresh database and answers its read models. */
    public Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        client.getDatabase(database).drop();
        handleInOrder(projections.apply(mongo(database)), events);
        return ReadModelDump.of(client.getDatabase(database));
    }

    /**
     * Runs the events through a real tracking processor ({@link #runTracked}) in batches of
     * {@code batchSize}, into the database (fresh unless a test ran there before), and answers its
     * read models.
     */
    public Map<String, List<Document>> projectTracked(String database, String processor, List<EventMessage<?>> events,
            Function<MongoTemplate, List<Object>> projections, int batchSize) throws InterruptedException {
        MongoTemplate mongo = mongo(database);
        runTracked(processor, mongo, events, projections.apply(mongo), batchSize);
        return ReadModelDump.of(mongo.getDb());
    }

    /** Hands each event, in order, to every handler that handles it: Axon's dispatch without a processor. */
    public static void handleInOrder(List<Object> handlers, List<EventMessage<?>> events) throws Exception {
        List<AnnotationEventHandlerAdapter> adapters = handlers.stream().map(AnnotationEventHandlerAdapter::new).toList();
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }
    }

    /**
     * Runs the events through a real tracking processor named {@code name}, with the query service's
     * {@link DeliveryHorizon} and then {@code interceptors}, over an in-memory event store, until it
     * has handled the last event (30 s at most). Answers its token store.
     */
    @SafeVarargs
    public static InMemoryTokenStore runTracked(String name, MongoTemplate mongo, List<EventMessage<?>> events,
            List<Object> handlers, int batchSize, MessageHandlerInterceptor<? super EventMessage<?>>... interceptors)
            throws InterruptedException {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(events);
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handlers).build())
                .messageSource(store)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                .build();
        processor.registerHandlerInterceptor(new DeliveryHorizon(name, mongo));
        for (MessageHandlerInterceptor<? super EventMessage<?>> interceptor : interceptors) {
            processor.registerHandlerInterceptor(interceptor);
        }
        processor.start();
        try {
            long last = events.size() - 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var status = processor.processingStatus().get(0);
                if (status != null && status.getCurrentPosition().orElse(-1) >= last) {
                    break;
                }
                Thread.sleep(20);
            }
        } finally {
            processor.shutDown();
        }
        return tokens;
    }

    /** Every event delivered twice in a row, as a retried batch would deliver it. */
    public static List<EventMessage<?>> eachTwice(List<EventMessage<?>> events) {
        List<EventMessage<?>> twice = new ArrayList<>();
        events.forEach(e -> {
            twice.add(e);
            twice.add(e);
        });
        return twice;
    }

    /** The whole stream delivered twice, as a replay over existing read models would. */
    public static List<EventMessage<?>> streamTwice(List<EventMessage<?>> events) {
        List<EventMessage<?>> twice = new ArrayList<>(events);
        twice.addAll(events);
        return twice;
    }
}
