package dev.praxis.query.community;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.api.query.CommunityMemberView;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One member of one community in {@code community_members}, id {@code communityId/memberId}:
 * role, suspension and ban. {@code createdAt} is when they (last) joined, the order of the list.
 * A member who left stays as {@code left}; a banned person is listed while the ban lasts (role null
 * when they were no member).
 */
record CommunityMemberDocument(
        @Id String id,
        String communityId,
        String memberId,
        String displayName,
        CommunityRole role,
        Instant createdAt,
        Boolean left,
        Instant suspendedUntil,
        String suspensionReason,
        Boolean banned,
        Instant bannedUntil,
        String banReason) {

    static final String COLLECTION = "community_members";

    static String idOf(String communityId, String memberId) {
        return communityId + "/" + memberId;
    }

    CommunityMemberView view(Instant now) {
        if (Boolean.TRUE.equals(banned) && (bannedUntil == null || bannedUntil.isAfter(now))) {
            return view(MemberStatus.BANNED, bannedUntil, banReason);
        }
        if (suspendedUntil != null && suspendedUntil.isAfter(now)) {
            return view(MemberStatus.SUSPENDED, suspendedUntil, suspensionReason);
        }
        return view(MemberStatus.ACTIVE, null, null);
    }

    private CommunityMemberView view(MemberStatus status, Instant until, String reason) {
        return new CommunityMemberView(communityId, memberId, displayName == null ? memberId : displayName, role,
                status, until, reason, createdAt);
    }
}
