package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A deleted post was brought back. */
public record PostUndeleted(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
