package dev.praxis.command.privilege;

import static dev.praxis.command.shared.CommandRejectedException.forbidden;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.importer.ImportMarks;
import java.util.Map;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Privileges on PostgreSQL: the reputation per member and community that {@link ReputationEffects}
 * keeps with the reputation engine in the committing transaction (see {@code CommandSideLookups}),
 * against the thresholds per community.
 */
@Component
public class JdbcPrivileges implements Privileges {

    private final JdbcTemplate jdbc;
    private final CommunityDirectory directory;

    public JdbcPrivileges(JdbcTemplate jdbc, CommunityDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public int reputationOf(String communityId, String memberId) {
        Long points = jdbc.query("SELECT points FROM member_reputation WHERE community_id = ? AND member_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, communityId, memberId);
        return ReputationRules.BASE + Math.toIntExact(points == null ? 0 : points);
    }

    @Override
    public boolean holds(String communityId, String memberId, Privilege privilege) {
        CommunityRole role = directory.roleOf(communityId, memberId).orElse(null);
        if (role == CommunityRole.OWNER || role == CommunityRole.MODERATOR) {
            return true;
        }
        return reputationOf(communityId, memberId) >= threshold(communityId, privilege);
    }

    /**
     * Refuses a member below the threshold. An imported act (see {@link ImportMarks}) passed this
     * gate on the site it comes from, whose reputation cannot be reproduced here: it is not checked again.
     */
    @Override
    public void require(String communityId, String memberId, Privilege privilege) {
        if (ImportMarks.handlingImportedCommand()) {
            return;
        }
        if (!holds(communityId, memberId, privilege)) {
            throw forbidden("MISSING_PRIVILEGE", "You need " + threshold(communityId, privilege)
                    + " reputation in this community to " + describe(privilege) + "; you have "
                    + reputationOf(communityId, memberId) + ".");
        }
    }

    /** The community's threshold for the privilege, Stack Overflow's when it set none. */
    public int threshold(String communityId, Privilege privilege) {
        Integer threshold = jdbc.query(
                "SELECT threshold FROM community_privilege_threshold WHERE community_id = ? AND privilege = ?",
                rs -> rs.next() ? rs.getInt(1) : null, communityId, privilege.name());
        return threshold == null ? privilege.stackOverflowThreshold() : threshold;
    }

    /** Sets a community's thresholds (from its settings events); privileges left out keep theirs. */
    public void setThresholds(String communityId, Map<Privilege, Integer> thresholds) {
        thresholds.forEach((privilege, threshold) -> jdbc.update("""
                INSERT INTO community_privilege_threshold (community_id, privilege, threshold) VALUES (?, ?, ?)
                ON CONFLICT (community_id, privilege) DO UPDATE SET threshold = EXCLUDED.threshold""",
                communityId, privilege.name(), threshold));
    }

    @EventHandler
    void on(CommunityCreated event) {
        PrivilegePreset preset = event.privilegePreset() == null ? PrivilegePreset.STACK_OVERFLOW : event.privilegePreset();
        setThresholds(event.communityId(), preset.thresholds());
    }

    private static String describe(Privilege privilege) {
        return switch (privilege) {
            case UPVOTE -> "vote up";
            case FLAG -> "flag posts";
            case COMMENT -> "comment everywhere";
            case OFFER_BOUNTY -> "offer a bounty";
            case DOWNVOTE -> "vote down";
            case CREATE_TAG -> "create tags";
            case EDIT_OTHERS_POSTS -> "edit other members' posts";
            case EDIT_TAG_SYNONYMS -> "edit tag synonyms";
            case CLOSE_AND_REOPEN -> "close and reopen questions";
            case MODERATION_TOOLS -> "use the moderation tools";
        };
    }
}
