package dev.praxis.api.community;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator banned someone, until {@code until} or for good (null); a member among them is removed. */
public record MemberBanned(
        String communityId,
        String memberId,
        @PersonalData String reason,
        Instant until,
        boolean wasMember,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
