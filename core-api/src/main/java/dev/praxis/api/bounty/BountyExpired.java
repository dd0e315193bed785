package dev.praxis.api.bounty;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A bounty ran out without an award. Half its amount (rounded down) went to the highest-scored
 * answer posted after the bounty started with a score of at least 2 ({@code winnerId} earns
 * {@code awardedAmount}); when there was none, {@code winningAnswerId} and {@code winnerId} are
 * null and {@code awardedAmount} is 0. {@code offeredBy} is the member who offered it; the actor is
 * the system.
 */
public record BountyExpired(
        String questionId,
        int round,
        String communityId,
        String offeredBy,
        int amount,
        String winningAnswerId,
        String winnerId,
        int awardedAmount,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
