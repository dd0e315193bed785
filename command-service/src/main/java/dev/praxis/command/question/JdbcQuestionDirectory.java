package dev.praxis.command.question;

import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Questions by id with their community and current tags, in PostgreSQL, written in the command's transaction. */
@Component
public class JdbcQuestionDirectory implements QuestionDirectory {

    private final JdbcTemplate jdbc;

    public JdbcQuestionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> communityOf(String questionId) {
        return jdbc.query("SELECT community_id FROM question_directory WHERE question_id = ?",
                (rs, row) -> rs.getString(1), questionId).stream().findFirst();
    }

    /** The question's current tags. */
    public List<String> tagsOf(String questionId) {
        return jdbc.query("SELECT tag FROM question_tag WHERE question_id = ? ORDER BY tag",
                (rs, row) -> rs.getString(1), questionId);
    }

    @EventHandler
    void on(QuestionAsked event) {
        jdbc.update("INSERT INTO question_directory (question_id, community_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.questionId(), event.communityId());
        setTags(event.questionId(), event.tags());
    }

    @EventHandler
    void on(QuestionEdited event) {
        setTags(event.questionId(), event.tags());
    }

    /**
     * The question's tags become exactly {@code tags}: the others go, the new ones come, in two
     * statements whatever the number of tags (one per tag before; a question has up to five).
     */
    private void setTags(String questionId, List<String> tags) {
        String[] current = (tags == null ? List.<String>of() : tags).toArray(String[]::new);
        jdbc.update("DELETE FROM question_tag WHERE question_id = ? AND NOT (tag = ANY (?))", questionId, current);
        if (current.length > 0) {
            jdbc.update("INSERT INTO question_tag (question_id, tag) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING",
                    questionId, current);
        }
    }
}
