package dev.praxis.api.community;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** Someone asked to join the community, under their display name. */
public record MembershipRequested(
        String communityId,
        String memberId,
        @PersonalData String displayName,
        @PersonalData String message,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
