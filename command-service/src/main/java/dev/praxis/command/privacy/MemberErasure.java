package dev.praxis.command.privacy;

import dev.praxis.api.member.MemberErased;
import dev.praxis.api.privacy.PersonalData;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out an erasure on the command side, in the transaction that appends {@link MemberErased}
 * (a subscribing handler, see {@code CommandSideLookups}): either all of it happens with the event,
 * or none of it.
 *
 * <ul>
 *   <li>the member's key is deleted: their personal texts in the event store can no longer be read;
 *   <li>the member is remembered as erased: no new key, no new personal data, no further command;
 *   <li>the command side's own copies of their personal texts (sanction reasons) are replaced;
 *   <li>snapshots that may hold their texts in the clear (their own aggregate's, a community's
 *       pending requests) are dropped: the aggregates are rebuilt from the events, which now read
 *       as erased.
 * </ul>
 */
@Component
public class MemberErasure {

    private final JdbcTemplate jdbc;

    public MemberErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberErased event) {
        String memberId = event.memberId();
        jdbc.update("DELETE FROM member_keys WHERE member_id = ?", memberId);
        jdbc.update("INSERT INTO erased_members (member_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                memberId, java.sql.Timestamp.from(event.occurredAt()));
        jdbc.update("UPDATE community_sanction SET reason = ? WHERE member_id = ? AND reason IS NOT NULL",
                PersonalData.ERASED, memberId);
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ? OR payload LIKE ?",
                memberId, "%\"" + likeEscaped(memberId) + "\"%");
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
