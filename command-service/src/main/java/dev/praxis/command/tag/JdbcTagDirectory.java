package dev.praxis.command.tag;

import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tag directory in PostgreSQL, kept in the transaction that appends the events. A tag comes
 * into being either with {@code TagCreated} or implicitly with the first {@code QuestionAsked}
 * that carries it: the question aggregate cannot apply a tag's event, so asking emits nothing
 * extra and this handler records the new tags (the question's tags are already mapped to their
 * masters and were checked against CREATE_TAG when it was asked).
 */
@Component
@ProcessingGroup(JdbcTagDirectory.PROCESSING_GROUP)
public class JdbcTagDirectory implements TagDirectory {

    public static final String PROCESSING_GROUP = "tag-directory";

    private final JdbcTemplate jdbc;

    public JdbcTagDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String communityId, String tag) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM tag_directory WHERE community_id = ? AND tag = ? AND is_tag",
                Integer.class, communityId, tag);
        return count != null && count > 0;
    }

    @Override
    public Optional<String> masterOf(String communityId, String tag) {
        return jdbc.query("SELECT master FROM tag_directory WHERE community_id = ? AND tag = ? AND master IS NOT NULL",
                (rs, row) -> rs.getString(1), communityId, tag).stream().findFirst();
    }

    @Override
    public boolean hasSynonyms(String communityId, String tag) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM tag_directory WHERE community_id = ? AND master = ?", Integer.class, communityId, tag);
        return count != null && count > 0;
    }

    @EventHandler
    void on(TagCreated event) {
        tagExists(event.communityId(), event.name());
    }

    @EventHandler
    void on(TagDescriptionEdited event) {
        tagExists(event.communityId(), event.name());
    }

    @EventHandler
    void on(QuestionAsked event) {
        if (event.tags() != null) {
            event.tags().forEach(tag -> tagExists(event.communityId(), tag));
        }
    }

    @EventHandler
    void on(TagSynonymAdded event) {
        tagExists(event.communityId(), event.name());
        jdbc.update("""
                INSERT INTO tag_directory (community_id, tag, is_tag, master) VALUES (?, ?, FALSE, ?)
                ON CONFLICT (community_id, tag) DO UPDATE SET master = EXCLUDED.master""",
                event.communityId(), event.synonym(), event.name());
    }

    @EventHandler
    void on(TagSynonymRemoved event) {
        jdbc.update("UPDATE tag_directory SET master = NULL WHERE community_id = ? AND tag = ? AND master = ?",
                event.communityId(), event.synonym(), event.name());
        jdbc.update("DELETE FROM tag_directory WHERE community_id = ? AND tag = ? AND NOT is_tag AND master IS NULL",
                event.communityId(), event.synonym());
    }

    /**
     * Records the tag, locking its row only when it changes: an upsert that always updates would
     * hold the row lock of a popular tag until the command commits, and every question asked with
     * that tag meanwhile would wait for it (docs/performance.md, writes).
     */
    private void tagExists(String communityId, String tag) {
        jdbc.update("""
                INSERT INTO tag_directory (community_id, tag, is_tag) VALUES (?, ?, TRUE)
                ON CONFLICT (community_id, tag) DO NOTHING""", communityId, tag);
        jdbc.update("UPDATE tag_directory SET is_tag = TRUE WHERE community_id = ? AND tag = ? AND NOT is_tag",
                communityId, tag);
    }
}
