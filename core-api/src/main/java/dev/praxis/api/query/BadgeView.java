package dev.praxis.api.query;

import java.time.Instant;

/**
 * A badge a member earned in a community: {@code badge} names it (STUDENT, NICE_ANSWER, TAG, ...),
 * {@code rank} is BRONZE, SILVER or GOLD, {@code tag} the tag of a tag badge, {@code postId} the post
 * of a post badge; {@code eventId} is the event that earned it, {@code awardedAt} when it happened.
 */
public record BadgeView(String id, String communityId, String memberId, String badge, String rank, String tag,
                        String postId, Instant awardedAt, String eventId) {
}
