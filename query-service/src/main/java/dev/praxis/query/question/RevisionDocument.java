package dev.praxis.query.question;

import dev.praxis.api.query.RevisionView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** One revision of a post in the {@code revisions} collection, keyed {@code postId#revision}. */
record RevisionDocument(
        @Id String id,
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

    static final String COLLECTION = "revisions";

    static String key(String postId, int revision) {
        return postId + "#" + revision;
    }

    RevisionView view() {
        return new RevisionView(postId, revision, title, body, tags, changedFields == null ? List.of() : changedFields,
                comment, rolledBackToRevision, editorId, editedAt);
    }
}
