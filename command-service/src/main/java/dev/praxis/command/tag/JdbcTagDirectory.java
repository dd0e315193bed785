package dev.praxis.command.tag;

import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public class JdbcTagDirectory implements TagDirectory {


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

    /** One query for all the names: a name the directory does not hold is no tag and no synonym. */
    @Override
    public Map<String, Entry> lookUp(String communityId, Collection<String> tags) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        tags.forEach(tag -> entries.put(tag, new Entry(Optional.empty(), false)));
        if (!tags.isEmpty()) {
            jdbc.query("SELECT tag, master, is_tag FROM tag_directory WHERE community_id = ? AND tag = ANY (?)",
                    row -> {
                        entries.put(row.getString(1), new Entry(Optional.ofNullable(row.getString(2)), row.getBoolean(3)));
                    }, communityId, tags.toArray(String[]::new));
        }
        return entries;
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
        if (event.tags() != null && !event.tags().isEmpty()) {
            tagsExist(event.communityId(), event.tags());
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
        tagsExist(communityId, List.of(tag));
    }

    /** The names are tags from now on: new ones are added, and a synonym's name becomes a tag too. One statement for them all. */
    private void tagsExist(String communityId, Collection<String> tags) {
        jdbc.update("""
                INSERT INTO tag_directory (community_id, tag, is_tag)
                SELECT DISTINCT ?, name, TRUE FROM unnest(?::text[]) AS name
                ON CONFLICT (community_id, tag) DO UPDATE SET is_tag = TRUE WHERE NOT tag_directory.is_tag""",
                communityId, tags.toArray(String[]::new));
    }
}
