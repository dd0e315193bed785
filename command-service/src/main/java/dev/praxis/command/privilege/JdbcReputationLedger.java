package dev.praxis.command.privilege;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.reputation.ReputationCause;
import dev.praxis.api.reputation.ReputationLedger;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.shared.MessageJson;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link ReputationLedger} of the command side, on PostgreSQL (migration V50), written in the
 * transaction that appends the events, so that the reputation a privilege check reads is exactly
 * what the engine decided for every committed event.
 */
@Component
public class JdbcReputationLedger implements ReputationLedger {

    private static final ObjectMapper JSON = MessageJson.storageMapper();

    private final JdbcTemplate jdbc;

    public JdbcReputationLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReputationRules rules(String communityId) {
        List<ReputationRules> rules = jdbc.query("""
                        SELECT version, preset, rule_values FROM reputation_rules WHERE community_id = ?
                        ORDER BY version DESC LIMIT 1""",
                (rs, n) -> new ReputationRules(rs.getInt(1), ReputationPreset.valueOf(rs.getString(2)),
                        read(rs.getString(3), new TypeReference<Map<ReputationRule, Integer>>() { })),
                communityId);
        return rules.isEmpty() ? ReputationRules.initial() : rules.get(0);
    }

    @Override
    public int total(String communityId, String memberId) {
        Long points = jdbc.query("SELECT points FROM member_reputation WHERE community_id = ? AND member_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, communityId, memberId);
        return ReputationRules.BASE + Math.toIntExact(points == null ? 0 : points);
    }

    @Override
    public void setTotal(String communityId, String memberId, int total) {
        jdbc.update("""
                INSERT INTO member_reputation (community_id, member_id, points) VALUES (?, ?, ?)
                ON CONFLICT (community_id, member_id) DO UPDATE SET points = EXCLUDED.points""",
                communityId, memberId, total - ReputationRules.BASE);
    }

    @Override
    public int votePoints(String communityId, String memberId, LocalDate day) {
        Integer points = jdbc.query(
                "SELECT points FROM reputation_vote_day WHERE community_id = ? AND member_id = ? AND day = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, communityId, memberId, Date.valueOf(day));
        return points == null ? 0 : points;
    }

    @Override
    public void setVotePoints(String communityId, String memberId, LocalDate day, int points) {
        jdbc.update("""
                INSERT INTO reputation_vote_day (community_id, member_id, day, points) VALUES (?, ?, ?, ?)
                ON CONFLICT (community_id, member_id, day) DO UPDATE SET points = EXCLUDED.points""",
                communityId, memberId, Date.valueOf(day), points);
    }

    @Override
    public int editPoints(String communityId, String memberId) {
        Integer points = jdbc.query("SELECT edit_points FROM member_reputation WHERE community_id = ? AND member_id = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, communityId, memberId);
        return points == null ? 0 : points;
    }

    @Override
    public void setEditPoints(String communityId, String memberId, int points) {
        jdbc.update("""
                INSERT INTO member_reputation (community_id, member_id, points, edit_points) VALUES (?, ?, 0, ?)
                ON CONFLICT (community_id, member_id) DO UPDATE SET edit_points = EXCLUDED.edit_points""",
                communityId, memberId, points);
    }

    @Override
    public List<String> tagsOf(String communityId, String questionId) {
        List<String> tags = jdbc.query("SELECT tags FROM reputation_thread_tags WHERE community_id = ? AND question_id = ?",
                rs -> rs.next() ? read(rs.getString(1), new TypeReference<List<String>>() { }) : null,
                communityId, questionId);
        return tags == null ? List.of() : tags;
    }

    @Override
    public void setTags(String communityId, String questionId, List<String> tags) {
        jdbc.update("""
                INSERT INTO reputation_thread_tags (community_id, question_id, tags) VALUES (?, ?, ?)
                ON CONFLICT (community_id, question_id) DO UPDATE SET tags = EXCLUDED.tags""",
                communityId, questionId, write(tags));
    }

    @Override
    public Optional<ReputationCause> cause(String communityId, String key) {
        return jdbc.query("SELECT cause FROM reputation_cause WHERE community_id = ? AND cause_key = ?",
                (rs, n) -> read(rs.getString(1), new TypeReference<ReputationCause>() { }), communityId, key)
                .stream().findFirst();
    }

    @Override
    public List<ReputationCause> causesOfThread(String communityId, String questionId) {
        return jdbc.query("SELECT cause FROM reputation_cause WHERE community_id = ? AND question_id = ?",
                (rs, n) -> read(rs.getString(1), new TypeReference<ReputationCause>() { }), communityId, questionId);
    }

    @Override
    public void putCause(ReputationCause cause) {
        jdbc.update("""
                INSERT INTO reputation_cause (community_id, cause_key, question_id, cause) VALUES (?, ?, ?, ?)
                ON CONFLICT (community_id, cause_key) DO UPDATE SET question_id = EXCLUDED.question_id, cause = EXCLUDED.cause""",
                cause.communityId(), cause.key(), cause.questionId(), write(cause));
    }

    @Override
    public void removeCause(String communityId, String key) {
        jdbc.update("DELETE FROM reputation_cause WHERE community_id = ? AND cause_key = ?", communityId, key);
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable reputation ledger entry: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reputation ledger entry", e);
        }
    }
}
