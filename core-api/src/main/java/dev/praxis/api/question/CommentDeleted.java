package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A comment was deleted by its author or a moderator. */
public record CommentDeleted(
        String questionId,
        String commentId,
        String postId,
        String communityId,
        String commentAuthorId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
