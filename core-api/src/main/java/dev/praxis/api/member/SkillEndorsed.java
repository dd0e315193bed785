package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The actor vouched for a skill of the member ({@code memberId}). */
public record SkillEndorsed(
        String memberId,
        String skill,
        String note,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
