package dev.praxis.query.badge;

import java.time.Instant;

/**
 * A badge just awarded, as a notification feature reads it (see {@link BadgeAwardListener}).
 *
 * @param eventId  the event that earned it
 * @param position that event's global position (-1 when unknown)
 */
public record BadgeAward(String id, String communityId, String memberId, Badge badge, Badge.Rank rank, String tag,
                         String postId, Instant awardedAt, String eventId, long position) {
}
