package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The offerer ({@code actorId}) awarded their bounty to an answer: its author earns the amount. */
public record BountyAwarded(
        String questionId,
        int round,
        String communityId,
        String answerId,
        String answerAuthorId,
        int amount,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
