package dev.praxis.gateway.search;

import java.time.Instant;
import java.util.List;

/** A post the query service's search found (its {@code SearchHitView}): what it is, and where the words matched. */
record SearchHit(String id, String type, String threadId, String parentId, String communityId, String authorId,
                 String title, int score, Instant createdAt, float relevance, List<Highlight> highlights) {

    record Highlight(String field, List<String> snippets) {
    }
}
