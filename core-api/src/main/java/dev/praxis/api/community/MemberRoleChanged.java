package dev.praxis.api.community;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The owner changed a member's role. */
public record MemberRoleChanged(
        String communityId,
        String memberId,
        CommunityRole previousRole,
        CommunityRole role,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
