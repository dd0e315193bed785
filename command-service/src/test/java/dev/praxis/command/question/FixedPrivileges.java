package dev.praxis.command.question;

import static dev.praxis.command.shared.CommandRejectedException.forbidden;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.command.privilege.Privileges;
import java.util.HashMap;
import java.util.Map;

/** Privileges on reputations a test sets, with Stack Overflow's thresholds; the JDBC one is tested against PostgreSQL. */
public class FixedPrivileges implements Privileges {

    private final Map<String, Integer> reputation = new HashMap<>();

    public FixedPrivileges with(String memberId, int reputation) {
        this.reputation.put(memberId, reputation);
        return this;
    }

    @Override
    public int reputationOf(String communityId, String memberId) {
        return reputation.getOrDefault(memberId, 1);
    }

    @Override
    public boolean holds(String communityId, String memberId, Privilege privilege) {
        return reputationOf(communityId, memberId) >= privilege.stackOverflowThreshold();
    }

    @Override
    public void require(String communityId, String memberId, Privilege privilege) {
        if (!holds(communityId, memberId, privilege)) {
            throw forbidden("MISSING_PRIVILEGE", "You need " + privilege.stackOverflowThreshold() + " reputation.");
        }
    }
}
