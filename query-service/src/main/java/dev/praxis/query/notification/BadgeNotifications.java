package dev.praxis.query.notification;

import dev.praxis.query.badge.BadgeAward;
import dev.praxis.query.badge.BadgeAwardListener;
import org.springframework.stereotype.Component;

/**
 * "You earned a badge": the badge projection tells of each badge once, in the batch of the event
 * that earned it, and the notification takes that event's position from the award.
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
                null, award.postId(), null, detail, award.awardedAt(), award.position()));
    }
}
