package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A comment's new text. */
public record CommentEdited(
        String questionId,
        String commentId,
        String postId,
        String communityId,
        String body,
        List<String> mentionedMemberIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
