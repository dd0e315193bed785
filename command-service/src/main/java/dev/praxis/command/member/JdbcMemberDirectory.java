package dev.praxis.command.member;

import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.question.QuestionAsked;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The member directory and the question lookup in PostgreSQL, kept by event handlers that run in
 * the transaction appending the events (see {@code CommandSideLookups}).
 */
@Component
public class JdbcMemberDirectory implements MemberDirectory, QuestionLookup {


    private final JdbcTemplate jdbc;

    public JdbcMemberDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String memberId) {
        return count("SELECT count(*) FROM member_directory WHERE member_id = ?", memberId);
    }

    @Override
    public boolean questionExists(String questionId) {
        return count("SELECT count(*) FROM question_lookup WHERE question_id = ?", questionId);
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        known(event.memberId());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        known(event.memberId());
    }

    @EventHandler
    void on(QuestionAsked event) {
        jdbc.update("INSERT INTO question_lookup (question_id, community_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.questionId(), event.communityId());
    }

    private void known(String memberId) {
        jdbc.update("INSERT INTO member_directory (member_id) VALUES (?) ON CONFLICT DO NOTHING", memberId);
    }

    private boolean count(String sql, String id) {
        Integer count = jdbc.queryForObject(sql, Integer.class, id);
        return count != null && count > 0;
    }
}
