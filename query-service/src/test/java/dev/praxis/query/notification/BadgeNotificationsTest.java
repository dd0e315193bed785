package dev.praxis.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.badge.BadgeAwardListener;
import dev.praxis.query.badge.BadgeProjection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A badge earned is a notification to its holder, one, however often the event is delivered. */
class BadgeNotificationsTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new BadgeProjection(mongo, List.<BadgeAwardListener>of(new BadgeNotifications(new Notifications(mongo))))));

    @Test
    void eachBadgeEarnedIsANotificationToItsHolderOnce() throws Exception {
        List<EventMessage<?>> events = askedAndUpvoted();

        Map<String, List<Document>> once = harness.project("badge_notes", events);
        List<Document> notifications = once.get("notifications");
        assertThat(notifications).as("notifications").isNotNull();
        assertThat(notifications).filteredOn(n -> "BADGE_AWARDED".equals(n.getString("type")))
                .extracting(n -> n.getString("recipientId") + " " + n.getString("detail") + " " + n.getString("communityId"))
                .containsExactlyInAnyOrder("chen SUPPORTER c1", "rita STUDENT c1");

        assertThat(harness.project("badge_notes_twice", ProjectionHarness.eachTwice(events)).get("notifications"))
                .isEqualTo(notifications);
    }

    /**
     * In a batch the badges reach the server before the notifications they cause. A batch that fails
     * in between has stored the badge and not its notification; delivered again, the badge's own
     * event finds it stored by itself and notifies (once: it is the same notification).
     */
    @Test
    void aBatchThatStoppedAfterStoringTheBadgeNotifiesWhenDeliveredAgain() throws Exception {
        List<EventMessage<?>> events = askedAndUpvoted();
        MongoTemplate mongo = harness.mongo("badge_notes_stopped");
        Notifications notifications = new Notifications(mongo);
        AtomicBoolean failed = new AtomicBoolean();
        BadgeAwardListener failsOnce = award -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the instance stops after storing " + award.id());
            }
            new BadgeNotifications(notifications).awarded(award);
        };

        ProjectionHarness.runTracked("badges", mongo, events, List.of(new BadgeProjection(mongo, List.of(failsOnce))), 100);

        assertThat(failed).isTrue();
        assertThat(mongo.findAll(Document.class, "notifications")).filteredOn(n -> "BADGE_AWARDED".equals(n.getString("type")))
                .extracting(n -> n.getString("recipientId") + " " + n.getString("detail"))
                .containsExactlyInAnyOrder("chen SUPPORTER", "rita STUDENT");
        assertThat(notifications.unreadCount("chen")).isEqualTo(1);
        assertThat(notifications.unreadCount("rita")).isEqualTo(1);
    }

    /** The voter's first upvote earns Supporter; the asker's question with a score earns Student. */
    private static List<EventMessage<?>> askedAndUpvoted() {
        Instant t = Instant.parse("2026-05-01T09:00:00Z");
        return List.of(
                event(new QuestionAsked("q1", "c1", "How do segments work?", "Body", List.of("axon"), "rita", t)),
                event(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "rita", VoteDirection.UP, "chen", t.plusSeconds(60))));
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
