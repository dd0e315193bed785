package dev.praxis.api.community;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A moderator rejected a request to join. */
public record MembershipRequestRejected(
        String communityId,
        String memberId,
        @PersonalData String reason,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
