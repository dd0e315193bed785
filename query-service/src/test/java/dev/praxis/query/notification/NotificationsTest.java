package dev.praxis.query.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.feed.EventPosition;
import dev.praxis.query.shared.AppliedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The unread count follows the notifications, also when a delivery stopped half-way. */
class NotificationsTest {

    private static final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            Object collection = event.getCommand().get(event.getCommandName());
            commands.add(event.getCommandName() + " " + (collection == null ? "" : collection.toString().replace("BsonString{value='", "").replace("'}", "")));
        }
    });

    private static final Instant T = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void aNewNotificationIsCountedWithoutReadingItBack() {
        MongoTemplate mongo = harness.mongo("notifications_new");
        Notifications notifications = new Notifications(mongo);
        commands.clear();

        notifications.notify(answer("rita", "q1", 10));

        assertThat(notifications.unreadCount("rita")).isEqualTo(1);
        assertThat(commands).as("commands").doesNotContain("find notifications");
        notifications.notify(answer("rita", "q2", 11));
        notifications.notify(answer("rita", "q1", 10)); // delivered again
        assertThat(notifications.unreadCount("rita")).isEqualTo(2);
    }

    /** The notification was written, then the delivery stopped before the count moved. */
    @Test
    void aDeliveryThatStoppedBeforeCountingIsHealedWhenDeliveredAgain() {
        MongoTemplate mongo = harness.mongo("notifications_healed");
        Notifications notifications = new Notifications(mongo);
        notifications.notify(answer("rita", "q1", 10));
        String id = Notifications.idOf("rita", "ANSWER", "q1");
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("counted", false).set("flips", 0L),
                Notifications.NOTIFICATIONS);
        mongo.remove(query(where("_id").is("rita")), Notifications.INBOXES);
        assertThat(notifications.unreadCount("rita")).isZero();

        notifications.notify(answer("rita", "q1", 10));

        assertThat(notifications.unreadCount("rita")).isEqualTo(1);
        Document stored = mongo.findOne(query(where("_id").is(id)), Document.class, Notifications.NOTIFICATIONS);
        assertThat(stored.getBoolean("counted")).isTrue();
    }

    /**
     * A badge's notice is inserted by the badges processor, whose batch makes its first count; the
     * member may mark it read, on the notifications processor's thread, between the two. The count
     * must end without it, whichever lands first.
     */
    @Test
    void aNotificationReadOrRetractedBeforeItsFirstCountLandsEndsUncounted() {
        MongoTemplate mongo = harness.mongo("notifications_race");
        Notifications notifications = new Notifications(mongo);
        for (String subject : List.of("q-read", "q-retracted")) {
            notifications.notify(answer("rita", subject, 10));
            String id = Notifications.idOf("rita", "ANSWER", subject);
            // as the inserting batch leaves it before its first count: unread, not counted, never flipped
            mongo.updateFirst(query(where("_id").is(id)), new Update().set("counted", false).set("flips", 0L),
                    Notifications.NOTIFICATIONS);
            mongo.remove(query(where("_id").is("rita")), Notifications.INBOXES);

            if (subject.equals("q-read")) {
                notifications.markRead("rita", List.of(id), T);
            } else {
                notifications.retract(where("_id").is(id), true);
            }
            // then the inserting batch's first count lands: the keyed move, and the record of it
            AppliedEvents.upsertOnce(mongo, Notifications.INBOXES, "rita", id + "#0", new Update().inc("unread", 1));
            mongo.updateFirst(query(where("_id").is(id).and("counted").is(false).and("flips").is(0L)),
                    new Update().set("counted", true).set("flips", 1L), Notifications.NOTIFICATIONS);

            assertThat(notifications.unreadCount("rita")).as(subject).isZero();
            Document stored = mongo.findOne(query(where("_id").is(id)), Document.class, Notifications.NOTIFICATIONS);
            assertThat(stored.getBoolean("counted")).as(subject).isFalse();
        }
    }

    /**
     * In a batch, each flip's count goes with the batch's writes and must reach the server before the
     * notification records the flip: otherwise a batch that stopped between the two would leave the
     * notification counted and the count unmoved, which no second delivery mends.
     */
    @Test
    void inABatchTheCountReachesTheServerBeforeTheNotificationRecordsIt() throws Exception {
        MongoTemplate mongo = harness.mongo("notifications_batch");
        Notifications notifications = new Notifications(mongo);
        Object notifier = new Object() {
            @EventHandler
            void on(String questionId, EventMessage<?> message) {
                notifications.notify(answer("rita", questionId, EventPosition.of(message)));
            }
        };
        commands.clear();

        ProjectionHarness.runTracked("notifier", mongo, List.of(GenericEventMessage.asEventMessage("q1"),
                GenericEventMessage.asEventMessage("q2")), List.of(notifier), 100);

        List<String> writes = commands.stream()
                .filter(c -> c.equals("update notifications") || c.equals("update notification_inboxes")).toList();
        // the batch's end: both notifications in one command, then both counts, then both flips
        assertThat(writes).containsExactly("update notifications", "update notification_inboxes", "update notifications");
        assertThat(notifications.unreadCount("rita")).isEqualTo(2);
        assertThat(mongo.find(query(where("counted").is(true)), Document.class, Notifications.NOTIFICATIONS)).hasSize(2);
    }

    /**
     * In a batch the notifications' upserts wait for the batch's end or for the next access to the
     * collection; what follows them in the batch (a retraction, a renewal of the same one, a read
     * mark) must still find them, and the counts must come out as one event at a time gives them.
     */
    @Test
    void aBatchCountsAsEventsOneAtATimeDo() throws Exception {
        // "+q": notify about q; "-q": retract it; "r q": rita reads it
        List<String> script = List.of("+q1", "+q2", "-q1", "+q3", "+q2", "+q4", "r q3", "+q5", "+q1", "-q5", "+q6");
        long[] unread = new long[2];
        for (int batchSize : new int[] {1, 100}) {
            MongoTemplate mongo = harness.mongo("notifications_script_" + batchSize);
            Notifications notifications = new Notifications(mongo);
            Object handler = new Object() {
                @EventHandler
                void on(String step, EventMessage<?> message) {
                    String q = step.substring(step.indexOf('q'));
                    if (step.startsWith("+")) {
                        notifications.notify(answer("rita", q, EventPosition.of(message)));
                    } else if (step.startsWith("-")) {
                        notifications.retract(where("subject").is(q), true);
                    } else {
                        notifications.markRead("rita", List.of(Notifications.idOf("rita", "ANSWER", q)), T);
                    }
                }
            };
            ProjectionHarness.runTracked("script" + batchSize, mongo,
                    script.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList(), List.of(handler),
                    batchSize);
            unread[batchSize == 1 ? 0 : 1] = notifications.unreadCount("rita");
            long expected = mongo.count(query(where("recipientId").is("rita").and("read").is(false).and("retracted").is(false)),
                    Notifications.NOTIFICATIONS);
            assertThat(unread[batchSize == 1 ? 0 : 1]).as("batches of %d", batchSize).isEqualTo(expected);
        }
        // q1 retracted, then renewed (unread again); q2 renewed; q3 read; q5 retracted: q1 q2 q4 q6
        assertThat(unread).containsExactly(4, 4);
    }

    private static NewNotification answer(String recipient, String questionId, long position) {
        return new NewNotification(recipient, "ANSWER", questionId, "c1", questionId, "a-" + questionId, "chen",
                null, T.plusSeconds(position), position);
    }
}
