package dev.praxis.api.query;

import java.time.Instant;

/**
 * One event that is evidence for an edge of the knowledge graph: which event ({@code eventId},
 * {@code eventType}), what it recognised ({@code kind}: ANSWER_UPVOTE, ANSWER_DOWNVOTE,
 * ACCEPTED_ANSWER, ANSWER_ENDORSEMENT, SKILL_ENDORSEMENT, ASKED, ANSWERED, COMMENTED), the post it
 * concerns (null for a skill endorsement), who acted, when, its weight, and what it contributes
 * now: {@code weight * 2^-(age / half-life)}, so that the contributions of an expertise add up to
 * its score.
 */
public record KnowledgeEvidenceView(
        String eventId,
        String eventType,
        String kind,
        String communityId,
        String questionId,
        String postId,
        String actorId,
        Instant occurredAt,
        double weight,
        double contribution) {
}
