package dev.praxis.api.flag;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member ({@code actorId}) flagged a post for the moderators. */
public record PostFlagged(
        String postId,
        PostKind postKind,
        String questionId,
        String communityId,
        String postAuthorId,
        FlagReason reason,
        String text,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
