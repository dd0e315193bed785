package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A comment on a post of the thread; {@code actorId} is its author, {@code mentionedMemberIds} the members it mentions. */
public record CommentAdded(
        String questionId,
        String commentId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        String body,
        List<String> mentionedMemberIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
