package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A member voted on a post. It names the post's author and community so that reputation can be
 * computed from this event alone, as an auditor would.
 */
public record VoteCast(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
