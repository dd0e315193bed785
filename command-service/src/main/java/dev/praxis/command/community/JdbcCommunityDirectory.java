package dev.praxis.command.community;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MemberUnbanned;
import dev.praxis.api.community.SuspensionLifted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The community directory in PostgreSQL. Its event handlers run in a subscribing processor, in the
 * same transaction that appends the events, so the directory never lags behind the event store and
 * a failure here rolls the command back.
 */
@Component
public class JdbcCommunityDirectory implements CommunityDirectory {

    private static final String ROLES_READ = JdbcCommunityDirectory.class.getName() + ".rolesRead";

    private final JdbcTemplate jdbc;

    public JdbcCommunityDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String communityId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM community_directory WHERE community_id = ?", Integer.class, communityId);
        return count != null && count > 0;
    }

    @Override
    public Optional<CommunityRole> roleOf(String communityId, String memberId) {
        Map<String, Optional<CommunityRole>> read = rolesRead();
        Optional<CommunityRole> known = read == null ? null : read.get(key(communityId, memberId));
        if (known != null) {
            return known;
        }
        return jdbc.query("SELECT role FROM community_membership WHERE community_id = ? AND member_id = ?",
                        (rs, row) -> CommunityRole.valueOf(rs.getString(1)), communityId, memberId)
                .stream().findFirst();
    }

    /**
     * The roles this command already read with the member's standing, by community and member: a
     * command that checks the standing and then a privilege (an owner or a moderator may do what
     * reputation does not yet allow) read the role twice. Kept in the command's unit of work, and
     * forgotten whenever the command's events change a membership here.
     */
    private static Map<String, Optional<CommunityRole>> rolesRead() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(ROLES_READ, key -> new HashMap<>());
    }

    private static void forgetRoles() {
        Map<String, Optional<CommunityRole>> read = rolesRead();
        if (read != null) {
            read.clear();
        }
    }

    private static String key(String communityId, String memberId) {
        return communityId + "\u0000" + memberId;
    }

    @EventHandler
    void on(CommunityCreated event) {
        jdbc.update("INSERT INTO community_directory (community_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.communityId(), event.name());
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        forgetRoles();
        jdbc.update("""
                INSERT INTO community_membership (community_id, member_id, role) VALUES (?, ?, ?)
                ON CONFLICT (community_id, member_id) DO UPDATE SET role = EXCLUDED.role""",
                event.communityId(), event.memberId(), event.role().name());
    }

    /**
     * The sanction in force and the role, in one round trip: every command that writes in a
     * community asks both. A ban outranks a suspension, as in {@link #writeBlock}.
     */
    @Override
    public void requireActiveMember(String communityId, String memberId, Instant at) {
        record Standing(Optional<WriteBlock> block, Optional<CommunityRole> role) {
        }
        Standing standing = jdbc.queryForObject("""
                        SELECT (SELECT role FROM community_membership WHERE community_id = ? AND member_id = ?),
                               sanction.sanction, sanction.until
                        FROM (SELECT 1) AS one
                        LEFT JOIN LATERAL (
                            SELECT sanction, until FROM community_sanction
                            WHERE community_id = ? AND member_id = ? AND (until IS NULL OR until > ?)
                            ORDER BY CASE sanction WHEN 'BANNED' THEN 0 ELSE 1 END LIMIT 1) AS sanction ON TRUE""",
                (rs, row) -> new Standing(
                        rs.getString(2) == null ? Optional.empty() : Optional.of(new WriteBlock(MemberStatus.valueOf(rs.getString(2)),
                                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())),
                        Optional.ofNullable(rs.getString(1)).map(CommunityRole::valueOf)),
                communityId, memberId, communityId, memberId, Timestamp.from(at));
        Map<String, Optional<CommunityRole>> read = rolesRead();
        if (read != null) {
            read.put(key(communityId, memberId), standing.role());
        }
        CommunityDirectory.refuseBlocked(standing.block());
        CommunityDirectory.refuseNonMember(standing.role());
    }

    @Override
    public Optional<WriteBlock> writeBlock(String communityId, String memberId, Instant now) {
        return jdbc.query("""
                        SELECT sanction, until FROM community_sanction
                        WHERE community_id = ? AND member_id = ? AND (until IS NULL OR until > ?)
                        ORDER BY CASE sanction WHEN 'BANNED' THEN 0 ELSE 1 END""",
                        (rs, row) -> new WriteBlock(MemberStatus.valueOf(rs.getString(1)),
                                rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
                        communityId, memberId, Timestamp.from(now))
                .stream().findFirst();
    }

    @EventHandler
    void on(MemberLeftCommunity event) {
        forgetRoles();
        jdbc.update("DELETE FROM community_membership WHERE community_id = ? AND member_id = ?",
                event.communityId(), event.memberId());
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        forgetRoles();
        jdbc.update("UPDATE community_membership SET role = ? WHERE community_id = ? AND member_id = ?",
                event.role().name(), event.communityId(), event.memberId());
    }

    @EventHandler
    void on(MemberSuspended event) {
        sanction(event.communityId(), event.memberId(), MemberStatus.SUSPENDED, event.until(), event.reason());
    }

    @EventHandler
    void on(SuspensionLifted event) {
        lift(event.communityId(), event.memberId(), MemberStatus.SUSPENDED);
    }

    @EventHandler
    void on(MemberBanned event) {
        forgetRoles();
        jdbc.update("DELETE FROM community_membership WHERE community_id = ? AND member_id = ?",
                event.communityId(), event.memberId());
        lift(event.communityId(), event.memberId(), MemberStatus.SUSPENDED);
        sanction(event.communityId(), event.memberId(), MemberStatus.BANNED, event.until(), event.reason());
    }

    @EventHandler
    void on(MemberUnbanned event) {
        lift(event.communityId(), event.memberId(), MemberStatus.BANNED);
    }

    private void sanction(String communityId, String memberId, MemberStatus sanction, Instant until, String reason) {
        jdbc.update("""
                INSERT INTO community_sanction (community_id, member_id, sanction, until, reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (community_id, member_id, sanction) DO UPDATE SET until = EXCLUDED.until, reason = EXCLUDED.reason""",
                communityId, memberId, sanction.name(), until == null ? null : Timestamp.from(until), reason);
    }

    private void lift(String communityId, String memberId, MemberStatus sanction) {
        jdbc.update("DELETE FROM community_sanction WHERE community_id = ? AND member_id = ? AND sanction = ?",
                communityId, memberId, sanction.name());
    }
}
