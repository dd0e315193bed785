package dev.praxis.api.query;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberStatus;
import java.time.Instant;

/**
 * One member of one community as moderators see it: role, whether they may write now
 * ({@code status}, with the end of a suspension or ban and its reason) and when they joined.
 */
public record CommunityMemberView(
        String communityId,
        String memberId,
        String displayName,
        CommunityRole role,
        MemberStatus status,
        Instant restrictedUntil,
        String restrictionReason,
        Instant joinedAt) {
}
