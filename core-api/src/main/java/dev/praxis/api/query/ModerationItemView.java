package dev.praxis.api.query;

import dev.praxis.api.question.PostKind;
import java.time.Instant;
import java.util.List;

/** A post in a community's moderation queue with its open flags, oldest flag first. */
public record ModerationItemView(String postId, PostKind postKind, String questionId, String communityId,
                                 String postAuthorId, Instant firstFlaggedAt, List<FlagView> flags) {
}
