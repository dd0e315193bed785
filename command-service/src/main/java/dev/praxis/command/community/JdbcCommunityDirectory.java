package dev.praxis.command.community;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The community directory in PostgreSQL. Its event handlers run in a subscribing processor, in the
 * same transaction that appends the events, so the directory never lags behind the event store and
 * a failure here rolls the command back.
 */
@Component
@ProcessingGroup(JdbcCommunityDirectory.PROCESSING_GROUP)
public class JdbcCommunityDirectory implements CommunityDirectory {

    public static final String PROCESSING_GROUP = "community-directory";

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
        return jdbc.query("SELECT role FROM community_membership WHERE community_id = ? AND member_id = ?",
                        (rs, row) -> CommunityRole.valueOf(rs.getString(1)), communityId, memberId)
                .stream().findFirst();
    }

    @EventHandler
    void on(CommunityCreated event) {
        jdbc.update("INSERT INTO community_directory (community_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.communityId(), event.name());
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        jdbc.update("""
                INSERT INTO community_membership (community_id, member_id, role) VALUES (?, ?, ?)
                ON CONFLICT (community_id, member_id) DO UPDATE SET role = EXCLUDED.role""",
                event.communityId(), event.memberId(), event.role().name());
    }
}
