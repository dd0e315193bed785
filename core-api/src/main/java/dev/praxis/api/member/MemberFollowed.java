package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member ({@code memberId}) now follows another. */
public record MemberFollowed(
        String memberId,
        String followedMemberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
