package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The asker ({@code actorId}) accepted an answer written by {@code answerAuthorId}. */
public record AnswerAccepted(
        String questionId,
        String answerId,
        String communityId,
        String answerAuthorId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
