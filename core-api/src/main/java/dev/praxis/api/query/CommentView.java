package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/** A comment on a post of a question's thread. */
public record CommentView(
        String id,
        String questionId,
        String postId,
        String communityId,
        String body,
        String authorId,
        Instant createdAt,
        Instant editedAt,
        List<String> mentionedMemberIds) {
}
