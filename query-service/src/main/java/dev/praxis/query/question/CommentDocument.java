package dev.praxis.query.question;

import dev.praxis.api.query.CommentView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A comment in the {@code comments} collection, keyed by its id; a deleted one is marked, not dropped. */
record CommentDocument(
        @Id String id,
        String questionId,
        String postId,
        String communityId,
        String body,
        String authorId,
        Instant createdAt,
        Instant editedAt,
        List<String> mentionedMemberIds,
        Boolean deleted) {

    static final String COLLECTION = "comments";

    CommentView view() {
        return new CommentView(id, questionId, postId, communityId, body, authorId, createdAt, editedAt,
                mentionedMemberIds == null ? List.of() : mentionedMemberIds);
    }
}
