package dev.praxis.command.bounty;

import dev.praxis.api.question.PostKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the bounty and flag aggregates know about questions and answers outside the question's
 * aggregate: where a post belongs, who wrote it, when, its score, and its moderation state.
 */
public interface Posts {

    record Post(String postId, PostKind kind, String questionId, String communityId, String authorId,
                Instant createdAt, int score, boolean locked, boolean deleted) {
    }

    Optional<Post> find(String postId);

    /** The answers to a question that are not deleted. */
    List<Post> answersTo(String questionId);
}
