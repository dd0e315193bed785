package dev.praxis.command.bounty;

import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The post lookup in PostgreSQL, kept by event handlers in the transaction that appends the events
 * (see {@code CommandSideLookups}).
 */
@Component
public class JdbcPosts implements Posts {

    private final JdbcTemplate jdbc;

    public JdbcPosts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Post> find(String postId) {
        return jdbc.query("SELECT * FROM post_lookup WHERE post_id = ?", JdbcPosts::post, postId).stream().findFirst();
    }

    @Override
    public List<Post> answersTo(String questionId) {
        return jdbc.query("SELECT * FROM post_lookup WHERE question_id = ? AND kind = 'ANSWER' AND NOT deleted",
                JdbcPosts::post, questionId);
    }

    @EventHandler
    void on(QuestionAsked event) {
        insert(event.questionId(), PostKind.QUESTION, event.questionId(), event.communityId(), event.actorId(), event);
    }

    @EventHandler
    void on(AnswerPosted event) {
        insert(event.answerId(), PostKind.ANSWER, event.questionId(), event.communityId(), event.actorId(), event);
    }

    @EventHandler
    void on(CommentAdded event) {
        insert(event.commentId(), PostKind.COMMENT, event.questionId(), event.communityId(), event.actorId(), event);
    }

    @EventHandler
    void on(CommentDeleted event) {
        jdbc.update("UPDATE post_lookup SET deleted = TRUE WHERE post_id = ?", event.commentId());
    }

    @EventHandler
    void on(VoteCast event) {
        changeScore(event.postId(), event.direction() == VoteDirection.UP ? 1 : -1);
    }

    @EventHandler
    void on(AnonymousVoteRecorded event) {
        changeScore(event.postId(), event.direction() == VoteDirection.UP ? 1 : -1);
    }

    @EventHandler
    void on(VoteChanged event) {
        changeScore(event.postId(), weight(event.direction()) - weight(event.previousDirection()));
    }

    @EventHandler
    void on(VoteRetracted event) {
        changeScore(event.postId(), -weight(event.direction()));
    }

    private static int weight(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    @EventHandler
    void on(QuestionLocked event) {
        jdbc.update("UPDATE post_lookup SET locked = TRUE WHERE post_id = ?", event.questionId());
    }

    @EventHandler
    void on(QuestionUnlocked event) {
        jdbc.update("UPDATE post_lookup SET locked = FALSE WHERE post_id = ?", event.questionId());
    }

    @EventHandler
    void on(PostDeleted event) {
        jdbc.update("UPDATE post_lookup SET deleted = TRUE WHERE post_id = ?", event.postId());
    }

    @EventHandler
    void on(PostUndeleted event) {
        jdbc.update("UPDATE post_lookup SET deleted = FALSE WHERE post_id = ?", event.postId());
    }

    /**
     * The one place a post's score changes: a vote cast adds its direction; votes changed or
     * retracted add the difference here too.
     */
    void changeScore(String postId, int delta) {
        jdbc.update("UPDATE post_lookup SET score = score + ? WHERE post_id = ?", delta, postId);
    }

    private void insert(String postId, PostKind kind, String questionId, String communityId, String authorId,
                        dev.praxis.api.shared.PraxisEvent event) {
        jdbc.update("""
                INSERT INTO post_lookup (post_id, kind, question_id, community_id, author_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO NOTHING""",
                postId, kind.name(), questionId, communityId, authorId, Timestamp.from(event.occurredAt()));
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        return new Post(rs.getString("post_id"), PostKind.valueOf(rs.getString("kind")), rs.getString("question_id"),
                rs.getString("community_id"), rs.getString("author_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("score"), rs.getBoolean("locked"), rs.getBoolean("deleted"));
    }
}
