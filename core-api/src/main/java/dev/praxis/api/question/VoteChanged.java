package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member turned their vote on a post around (UP to DOWN or back). */
public record VoteChanged(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        VoteDirection previousDirection,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
