package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/** A knowledge article; a deleted one stays readable by id with {@code deleted} true. */
public record ArticleView(
        String id,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String authorId,
        Instant createdAt,
        int revisionCount,
        Instant lastEditedAt,
        String lastEditorId,
        boolean deleted) {
}
