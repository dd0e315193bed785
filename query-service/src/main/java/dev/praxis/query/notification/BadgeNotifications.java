package dev.praxis.query.notification;

import dev.praxis.query.badge.BadgeAward;
import dev.praxis.query.badge.BadgeAwardListener;
import dev.praxis.query.feed.EventPosition;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * "You earned a badge": the badge projection tells of each badge once, while it handles the event
 * that earned it, so the notification takes that event's position from the current unit of work.
 * The detail names the badge as the member reads it: {@code TEACHER}, or {@code GOLD java} for a
 * tag badge.
 */
@Component
class BadgeNotifications implements BadgeAwardListener {

    private final Notifications notifications;

    BadgeNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void awarded(BadgeAward award) {
        String detail = award.tag() == null ? award.badge().name() : award.rank().name() + " " + award.tag();
        notifications.notify(new NewNotification(award.memberId(), "BADGE_AWARDED", award.id(), award.communityId(),
                null, award.postId(), null, detail, award.awardedAt(), position()));
    }

    private static long position() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) {
            return EventPosition.of(event);
        }
        return -1;
    }
}
