package dev.praxis.command.question;

import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import java.util.Collection;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Expertise from {@code member_tag_score}: every vote on an answer moves its author's score in
 * each tag the question has at that moment (up +1, down -1), in the command's transaction.
 */
@Component
public class JdbcExpertise implements Expertise {

    private final JdbcTemplate jdbc;
    private final JdbcQuestionDirectory questions;
    private final int minTagScore;

    public JdbcExpertise(JdbcTemplate jdbc, JdbcQuestionDirectory questions,
            @Value("${praxis.expertise.min-tag-score:10}") int minTagScore) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.minTagScore = minTagScore;
    }

    @Override
    public boolean isExpertInAny(String communityId, String memberId, Collection<String> tags) {
        for (String tag : tags) {
            if (scoreOf(communityId, memberId, tag) >= minTagScore) {
                return true;
            }
        }
        return false;
    }

    public long scoreOf(String communityId, String memberId, String tag) {
        Long score = jdbc.query("SELECT score FROM member_tag_score WHERE community_id = ? AND member_id = ? AND tag = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, communityId, memberId, tag);
        return score == null ? 0 : score;
    }

    @EventHandler
    void on(VoteCast event) {
        if (event.postKind() == PostKind.ANSWER) {
            add(event.questionId(), event.communityId(), event.postAuthorId(), value(event.direction()));
        }
    }

    @EventHandler
    void on(AnonymousVoteRecorded event) {
        if (event.postKind() == PostKind.ANSWER) {
            add(event.questionId(), event.communityId(), event.postAuthorId(), value(event.direction()));
        }
    }

    @EventHandler
    void on(VoteChanged event) {
        if (event.postKind() == PostKind.ANSWER) {
            add(event.questionId(), event.communityId(), event.postAuthorId(),
                    value(event.direction()) - value(event.previousDirection()));
        }
    }

    @EventHandler
    void on(VoteRetracted event) {
        if (event.postKind() == PostKind.ANSWER) {
            add(event.questionId(), event.communityId(), event.postAuthorId(), -value(event.direction()));
        }
    }

    private static int value(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    private void add(String questionId, String communityId, String memberId, int delta) {
        for (String tag : questions.tagsOf(questionId)) {
            jdbc.update("""
                    INSERT INTO member_tag_score (community_id, member_id, tag, score) VALUES (?, ?, ?, ?)
                    ON CONFLICT (community_id, member_id, tag) DO UPDATE SET score = member_tag_score.score + EXCLUDED.score""",
                    communityId, memberId, tag, delta);
        }
    }
}
