package dev.praxis.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
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
    private MongoServer server;
    private MongoClient client;

    /** @param projections the projections under test, built on the template of a fresh database */
    public ProjectionHarness(Function<MongoTemplate, List<Object>> projections) {
        this.projections = projections;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
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
        return new MongoTemplate(new AccessReportingDatabaseFactory(new SimpleMongoClientDatabaseFactory(client, database)));
    }

    /** The client of the embedded server, for a test that watches the commands. */
    public MongoClient client() {
        return client;
    }

    /** Projects the events, in order, into a fresh database and answers its read models. */
    public Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        client.getDatabase(database).drop();
        List<AnnotationEventHandlerAdapter> adapters = projections.apply(mongo(database)).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }
        return ReadModelDump.of(client.getDatabase(database));
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
