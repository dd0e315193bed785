package dev.praxis.query.knowledge;

import java.time.Instant;

/**
 * A piece of expertise evidence before it is credited to topics: its cause ({@code key}, stable
 * across the events that change or reverse it), the member credited, and the event that is the
 * evidence.
 */
record Contribution(
        String key,
        EvidenceKind kind,
        String memberId,
        String communityId,
        String questionId,
        String postId,
        String actorId,
        String eventId,
        String eventType,
        Instant occurredAt) {
}
