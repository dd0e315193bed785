package dev.praxis.api.member;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A member set their profile; skills are normalised like tags. The member's aggregate starts with the first one. */
public record ProfileUpdated(
        String memberId,
        @PersonalData String displayName,
        @PersonalData String bio,
        List<String> skills,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
