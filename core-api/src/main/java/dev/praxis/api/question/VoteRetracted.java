package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member took back their vote ({@code direction} is the vote retracted). */
public record VoteRetracted(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
