package dev.praxis.query.search;

import java.time.Instant;
import java.util.List;

/**
 * One post found by a search, with the text that matched.
 *
 * @param threadId    the question the post belongs to (itself for a question or an article)
 * @param parentId    the post a comment is on; null otherwise
 * @param title       the title of the post's question or article
 * @param relevance   the ranking score of the hit (0 when sorted by time or votes)
 * @param highlights  per field (title, body), the best passages with the matching words in {@code <em>}; text HTML-escaped
 */
public record SearchHitView(String id, PostType type, String threadId, String parentId, String communityId,
                            String authorId, String title, int score, Instant createdAt, float relevance,
                            List<Highlight> highlights) {

    /** The passages of one field that matched. */
    public record Highlight(String field, List<String> snippets) {
    }
}
