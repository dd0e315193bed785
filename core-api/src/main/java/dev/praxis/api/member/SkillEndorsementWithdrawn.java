package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The actor withdrew their endorsement of a member's skill. */
public record SkillEndorsementWithdrawn(
        String memberId,
        String skill,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
