package dev.praxis.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.notification.AllNotificationsRead;
import dev.praxis.api.notification.NotificationsRead;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.ReadModelDump;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.notification.NotificationProjection;
import dev.praxis.query.notification.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The feeds and notifications are rebuildable: built incrementally (in batches, across a restart,
 * with the batch in flight at a crash delivered again), then reset and rebuilt from the events in
 * place, they are exactly the read models of a fresh build; and every event delivered twice, or the
 * whole stream twice, changes nothing.
 */
class FeedsAndNotificationsRebuildTest {

    private static final Function<MongoTemplate, List<Object>> PROJECTIONS = mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new FeedProjection(mongo),
            new NotificationProjection(mongo, new Notifications(mongo)));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(PROJECTIONS);

    /** Both histories: the feeds' and the notifications' (with reads), one after the other in the stream. */
    private static List<List<EventMessage<?>>> histories() {
        List<Object> notifications = new ArrayList<>(dev.praxis.query.notification.NotificationProjectionTestHistory.events());
        notifications.add(new NotificationsRead("bob", List.of(Notifications.idOf("bob", "BOUNTY_AWARDED", "q1#1")), "bob",
                FeedProjectionTest.T.plusSeconds(500)));
        notifications.add(new AllNotificationsRead("alice", 12, "alice", FeedProjectionTest.T.plusSeconds(501)));
        return List.of(Tracked.of(FeedProjectionTest.history()), Tracked.of(notifications));
    }

    @Test
    void incrementalThenRebuiltInPlaceEqualsAFreshBuild() throws Exception {
        for (List<EventMessage<?>> events : histories()) {
            MongoTemplate live = harness.mongo("live");
            live.getDb().drop();
            int half = events.size() / 2;
            deliver(adapters(live), events.subList(0, half));
            // a restart after a crash: new projection instances, the last ten events of the batch in flight again
            deliver(adapters(live), events.subList(half - 10, events.size()));
            Map<String, List<Document>> incremental = ReadModelDump.of(live.getDb());

            List<AnnotationEventHandlerAdapter> rebuilding = adapters(live);
            for (AnnotationEventHandlerAdapter adapter : rebuilding) {
                adapter.prepareReset(null);
            }
            deliver(rebuilding, events);
            Map<String, List<Document>> rebuilt = ReadModelDump.of(live.getDb());

            assertThat(incremental).containsKeys("feed_posts", "feed_activity", "home_feed_pages", "home_feed_heads");
            assertThat(rebuilt).isEqualTo(incremental);
            assertThat(harness.project("fresh", events)).isEqualTo(incremental);
        }
    }

    @Test
    void deliveringEveryEventTwiceOrTheStreamTwiceChangesNothing() throws Exception {
        for (List<EventMessage<?>> events : histories()) {
            Map<String, List<Document>> once = harness.project("once", events);
            assertThat(harness.project("each_twice", ProjectionHarness.eachTwice(events))).isEqualTo(once);
            assertThat(harness.project("stream_twice", ProjectionHarness.streamTwice(events))).isEqualTo(once);
        }
    }

    private static List<AnnotationEventHandlerAdapter> adapters(MongoTemplate mongo) {
        return PROJECTIONS.apply(mongo).stream().map(AnnotationEventHandlerAdapter::new).toList();
    }

    private static void deliver(List<AnnotationEventHandlerAdapter> adapters, List<EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }
    }
}
