package dev.praxis.query.article;

import dev.praxis.api.query.ArticleView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** An article in the {@code articles} collection, keyed by its id. */
record ArticleDocument(
        @Id String id,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String authorId,
        Instant createdAt,
        Integer revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        Boolean deleted) {

    static final String COLLECTION = "articles";

    ArticleView view() {
        return new ArticleView(id, communityId, title, body, tags == null ? List.of() : tags, authorId, createdAt,
                revisionCount == null ? 1 : revisionCount, lastEditedAt, lastEditorId, Boolean.TRUE.equals(deleted));
    }
}
