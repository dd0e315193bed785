package dev.praxis.api.query;

import java.util.List;

/**
 * A member's reputation: per community (those the viewer may read, where it ever changed) and across
 * them ({@code total}: the base of 1 plus what each of those communities added).
 */
public record ReputationView(String memberId, int total, List<CommunityReputationView> communities) {

    /** The member's reputation in one community. */
    public record CommunityReputationView(String communityId, int reputation) {
    }
}
