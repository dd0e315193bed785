package dev.praxis.query.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.feed.EventPosition;
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
        // q1 inserted; the access for q2's insert sends q1's count, then its flip; the batch's end: q2's
        assertThat(writes).containsExactly("update notifications", "update notification_inboxes", "update notifications",
                "update notifications", "update notification_inboxes", "update notifications");
        assertThat(notifications.unreadCount("rita")).isEqualTo(2);
        assertThat(mongo.find(query(where("counted").is(true)), Document.class, Notifications.NOTIFICATIONS)).hasSize(2);
    }

    private static NewNotification answer(String recipient, String questionId, long position) {
        return new NewNotification(recipient, "ANSWER", questionId, "c1", questionId, "a-" + questionId, "chen",
                null, T.plusSeconds(position), position);
    }
}
