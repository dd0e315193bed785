package dev.praxis.api.query;

import dev.praxis.api.reputation.ReputationReason;
import java.time.Instant;

/**
 * One line of a member's reputation history, naming the event that caused it: {@code requested} is
 * what the rules asked, {@code amount} what the member got after the daily cap and the floor,
 * {@code total} their reputation in the community afterwards, {@code rulesVersion} the rules applied.
 */
public record ReputationChangeView(
        String id,
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
        Instant occurredAt) {
}
