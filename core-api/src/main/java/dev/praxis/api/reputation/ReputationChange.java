package dev.praxis.api.reputation;

import java.time.Instant;
import java.util.List;

/**
 * One change of a member's reputation in a community, naming the event that caused it.
 * {@code requested} is what the rules asked for, {@code amount} what the member really got after the
 * daily cap and the floor, {@code total} their reputation in the community after it. A reversal
 * ({@code reversal}) takes back exactly what its cause had granted; {@code grantedAt} is when the
 * reversed (or this) grant was earned, which is where the leaderboards count it.
 */
public record ReputationChange(
        String communityId,
        String memberId,
        String eventId,
        String eventType,
        String questionId,
        String postId,
        ReputationReason reason,
        boolean reversal,
        int requested,
        int amount,
        int total,
        int rulesVersion,
        List<String> tags,
        Instant grantedAt,
        Instant occurredAt) {
}
