package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a post (question, answer or article): its full content then, what changed, the
 * edit comment, who made it and when. Revision 1 is the post as first written. An answer's
 * revisions have no title or tags.
 */
public record RevisionView(
        String postId,
        int revision,
        String title,
        String body,
        List<String> tags,
        List<String> changedFields,
        String comment,
        Integer rolledBackToRevision,
        String editorId,
        Instant editedAt) {
}
