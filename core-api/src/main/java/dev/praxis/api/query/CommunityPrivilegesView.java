package dev.praxis.api.query;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import java.util.List;

/**
 * What a member may do in a community, from their reputation there and the community's thresholds
 * (owners and moderators hold every privilege; {@code role} is null for a non-member).
 */
public record CommunityPrivilegesView(String communityId, String memberId, int reputation, CommunityRole role,
                                      List<PrivilegeView> privileges) {

    /** One privilege: its threshold (null when the community does not gate it) and whether the member holds it. */
    public record PrivilegeView(Privilege privilege, Integer threshold, boolean held) {
    }
}
