package dev.praxis.command.notification;

import static dev.praxis.command.bounty.Rejections.rejected;

import dev.praxis.api.notification.AllNotificationsRead;
import dev.praxis.api.notification.MarkAllNotificationsRead;
import dev.praxis.api.notification.MarkNotificationsRead;
import dev.praxis.api.notification.NotificationsRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationInboxTest {

    private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

    private AggregateTestFixture<NotificationInbox> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NotificationInbox.class);
    }

    @Test
    void aMemberMarksSomeOfTheirNotificationsReadOnceEach() {
        fixture.givenNoPriorActivity()
                .when(new MarkNotificationsRead("alice", List.of("n1", "n2", "n1"), "alice", T))
                .expectEvents(new NotificationsRead("alice", List.of("n1", "n2"), "alice", T));
    }

    @Test
    void markingAllReadMovesForwardOnly() {
        fixture.given(new AllNotificationsRead("alice", 40, "alice", T))
                .when(new MarkAllNotificationsRead("alice", 41, "alice", T.plusSeconds(1)))
                .expectEvents(new AllNotificationsRead("alice", 41, "alice", T.plusSeconds(1)));
        fixture.given(new AllNotificationsRead("alice", 40, "alice", T))
                .when(new MarkAllNotificationsRead("alice", 40, "alice", T.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new MarkAllNotificationsRead("alice", 0, "alice", T))
                .expectEvents(new AllNotificationsRead("alice", 0, "alice", T));
    }

    @Test
    void onlyTheMemberThemselvesMarksTheirInbox() {
        rejected(fixture.givenNoPriorActivity().when(new MarkNotificationsRead("alice", List.of("n1"), "bob", T)),
                "NOT_YOUR_INBOX");
        rejected(fixture.givenNoPriorActivity().when(new MarkAllNotificationsRead("alice", 3, "bob", T)),
                "NOT_YOUR_INBOX");
    }

    @Test
    void badInputIsRefused() {
        rejected(fixture.givenNoPriorActivity().when(new MarkNotificationsRead("alice", List.of(), "alice", T)),
                "MISSING_NOTIFICATION_IDS");
        rejected(fixture.givenNoPriorActivity().when(new MarkNotificationsRead("alice", null, "alice", T)),
                "MISSING_NOTIFICATION_IDS");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= NotificationInbox.MAX_IDS; i++) {
            many.add("n" + i);
        }
        rejected(fixture.givenNoPriorActivity().when(new MarkNotificationsRead("alice", many, "alice", T)),
                "TOO_MANY_NOTIFICATION_IDS");
        rejected(fixture.givenNoPriorActivity().when(new MarkNotificationsRead("alice", List.of(" "), "alice", T)),
                "MISSING_NOTIFICATION_ID");
        rejected(fixture.givenNoPriorActivity().when(new MarkAllNotificationsRead("alice", -1, "alice", T)),
                "INVALID_POSITION");
    }
}
