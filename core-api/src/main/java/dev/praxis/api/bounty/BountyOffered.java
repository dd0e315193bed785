package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A member ({@code actorId}) offered a bounty on a question; the amount left their reputation in
 * the community at once. Unless awarded, it expires at {@code expiresAt}.
 */
public record BountyOffered(
        String questionId,
        int round,
        String communityId,
        int amount,
        Instant expiresAt,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
