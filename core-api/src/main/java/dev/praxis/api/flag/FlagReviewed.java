package dev.praxis.api.flag;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/**
 * A moderator ({@code actorId}) decided on the open flags of a post, raised by {@code flaggedBy};
 * the flags are closed. DELETE and LOCK go on to delete the post or lock its question.
 */
public record FlagReviewed(
        String postId,
        PostKind postKind,
        String questionId,
        String communityId,
        String postAuthorId,
        FlagDecision decision,
        String note,
        List<String> flaggedBy,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
