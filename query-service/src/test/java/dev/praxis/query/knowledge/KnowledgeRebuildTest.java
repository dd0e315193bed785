package dev.praxis.query.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.ReadModelDump;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The knowledge graph is the same however its events arrive: each delivered twice, the whole
 * stream twice, or live one by one with reads in between and then rebuilt from the events after a
 * reset of the same database.
 */
class KnowledgeRebuildTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new KnowledgeProjection(mongo)));

    @Test
    void deliveringEveryEventTwiceOrReplayingTheStreamChangesNothing() throws Exception {
        List<EventMessage<?>> events = KnowledgeHistory.events();
        Map<String, List<Document>> once = harness.project("once", events);
        assertThat(once).containsKeys("knowledge_expertise", "knowledge_contributions", "knowledge_participation",
                "knowledge_cooccurrence", "knowledge_threads");

        assertThat(harness.project("each_twice", ProjectionHarness.eachTwice(events))).isEqualTo(once);
        assertThat(harness.project("stream_twice", ProjectionHarness.streamTwice(events))).isEqualTo(once);
    }

    @Test
    void rebuildingFromTheEventsGivesTheReadModelsBuiltIncrementally() throws Exception {
        List<EventMessage<?>> events = KnowledgeHistory.events();
        MongoTemplate mongo = harness.mongo("live");
        mongo.getDb().drop();
        List<AnnotationEventHandlerAdapter> projections = List.of(new CommunityProjection(mongo),
                        new CommunityMemberProjection(mongo), new KnowledgeProjection(mongo)).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        Clock clock = Clock.fixed(KnowledgeHistory.NOW, ZoneOffset.UTC);
        KnowledgeGraph graph = new KnowledgeGraph(mongo, new ReadAccess(mongo, clock), new Decay(Decay.DEFAULT_HALF_LIFE), clock);

        // live: one event at a time, every fifth one redelivered as a retried batch would, read as it goes
        for (int i = 0; i < events.size(); i++) {
            deliver(projections, events.get(i));
            if (i % 5 == 0) {
                deliver(projections, events.get(i));
                graph.expertiseProfile("bob", "olga", 10, null, 3);
            }
        }
        Map<String, List<Document>> incremental = ReadModelDump.of(mongo.getDb());
        List<Object> expertsBefore = List.copyOf(graph.experts("guild", List.of("kafka", "axon"), null, 10, null, 20).items());

        // rebuild: the processors' reset handlers drop the read models, then the whole stream again
        for (AnnotationEventHandlerAdapter projection : projections) {
            projection.prepareReset();
        }
        assertThat(ReadModelDump.of(mongo.getDb())).isEmpty();
        for (EventMessage<?> event : events) {
            deliver(projections, event);
        }

        assertThat(ReadModelDump.of(mongo.getDb())).isEqualTo(incremental);
        assertThat(graph.experts("guild", List.of("kafka", "axon"), null, 10, null, 20).items()).isEqualTo(expertsBefore);
    }

    private static void deliver(List<AnnotationEventHandlerAdapter> projections, EventMessage<?> event) throws Exception {
        for (AnnotationEventHandlerAdapter projection : projections) {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        }
    }
}
