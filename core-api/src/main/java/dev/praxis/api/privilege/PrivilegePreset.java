package dev.praxis.api.privilege;

import java.util.EnumMap;
import java.util.Map;

/**
 * Named sets of privilege thresholds. {@code STACK_OVERFLOW} is the default: a public community
 * where trust is earned. {@code TEAM} suits a company's own community (as Stack Overflow for Teams
 * does): every member may do everything from the start, except the moderation tools, which stay
 * with the team's moderators and owners.
 */
public enum PrivilegePreset {
    STACK_OVERFLOW,
    TEAM;

    /** A threshold that no reputation falls below: the privilege is not gated at all. */
    public static final int UNGATED = Integer.MIN_VALUE;

    public Map<Privilege, Integer> thresholds() {
        Map<Privilege, Integer> thresholds = new EnumMap<>(Privilege.class);
        for (Privilege privilege : Privilege.values()) {
            // moderation stays with the moderators a team appoints, as on Stack Overflow for Teams
            boolean gated = this == STACK_OVERFLOW || privilege == Privilege.MODERATION_TOOLS;
            thresholds.put(privilege, gated ? privilege.stackOverflowThreshold() : UNGATED);
        }
        return thresholds;
    }
}
