package dev.praxis.api.article;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A new revision of an article (revision 1 is the published one). */
public record ArticleEdited(
        String articleId,
        String communityId,
        String articleAuthorId,
        int revision,
        String title,
        String body,
        List<String> tags,
        List<String> changedFields,
        String comment,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
