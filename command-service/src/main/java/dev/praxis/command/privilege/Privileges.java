package dev.praxis.command.privilege;

import dev.praxis.api.privilege.Privilege;

/**
 * The command side's answer to "may this member do this here?", on the member's current reputation
 * in the community and the community's thresholds. Aggregates take it as a handler parameter.
 */
public interface Privileges {

    /** The member's reputation in the community now: 1 plus what acts have earned or cost them. */
    int reputationOf(String communityId, String memberId);

    /** Whether the member holds the privilege in the community (owners and moderators hold all). */
    boolean holds(String communityId, String memberId, Privilege privilege);

    /**
     * Refuses with FORBIDDEN / {@code MISSING_PRIVILEGE}, naming the reputation needed, when the
     * member does not hold the privilege.
     */
    void require(String communityId, String memberId, Privilege privilege);
}
