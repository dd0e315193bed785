package dev.praxis.api.community;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator suspended a member from writing until {@code until}. */
public record MemberSuspended(
        String communityId,
        String memberId,
        @PersonalData String reason,
        Instant until,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
