package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member ({@code memberId}) no longer follows another. */
public record MemberUnfollowed(
        String memberId,
        String followedMemberId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
