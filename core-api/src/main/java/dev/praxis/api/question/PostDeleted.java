package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A post was deleted (hidden; its events stay). It names the post's author for reputation and notification. */
public record PostDeleted(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        String reason,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
