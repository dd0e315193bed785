package dev.praxis.api.community;

import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member joined a community with a role; {@code actorId} admitted them (themselves, for a plain join). */
public record MemberJoinedCommunity(
        String communityId,
        String memberId,
        @PersonalData String displayName,
        CommunityRole role,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
