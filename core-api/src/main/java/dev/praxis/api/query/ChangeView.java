package dev.praxis.api.query;

import java.time.Instant;

/**
 * One change on a topic of the query service's change feed ({@code GET /changes}): what happened
 * ({@code kind}, the event's name in UPPER_SNAKE, such as {@code ANSWER_POSTED}), where, to what, by
 * whom and when. {@code position} is the global position of the event in the event store: the
 * cursor a subscriber keeps to resume after it.
 *
 * @param subjectId the post, comment or item the change is about (for a vote, the voted post)
 * @param actorId who acted; null where the act is anonymous (votes)
 */
public record ChangeView(
        long position,
        String kind,
        String communityId,
        String questionId,
        String subjectId,
        String actorId,
        Instant occurredAt) {
}
