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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A badge earned is a notification to its holder, once, however often the event is delivered. */
class BadgeNotificationsTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new BadgeProjection(mongo, List.<BadgeAwardListener>of(new BadgeNotifications(new Notifications(mongo))))));

    @Test
    void eachBadgeEarnedIsANotificationToItsHolderOnce() throws Exception {
        Instant t = Instant.parse("2026-05-01T09:00:00Z");
        List<EventMessage<?>> events = List.of(
                event(new QuestionAsked("q1", "c1", "How do segments work?", "Body", List.of("axon"), "rita", t)),
                event(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "rita", VoteDirection.UP, "chen", t.plusSeconds(60))));

        Map<String, List<Document>> once = harness.project("badge_notes", events);
        List<Document> notifications = once.get("notifications");
        assertThat(notifications).as("notifications").isNotNull();
        // the voter's first upvote earns Supporter; the asker's question with a score earns Student
        assertThat(notifications).filteredOn(n -> "BADGE_AWARDED".equals(n.getString("type")))
                .extracting(n -> n.getString("recipientId") + " " + n.getString("detail") + " " + n.getString("communityId"))
                .containsExactlyInAnyOrder("chen SUPPORTER c1", "rita STUDENT c1");

        assertThat(harness.project("badge_notes_twice", ProjectionHarness.eachTwice(events)).get("notifications"))
                .isEqualTo(notifications);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
