package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member ({@code actorId}) endorsed an answer written by {@code answerAuthorId}. */
public record AnswerEndorsed(
        String questionId,
        String answerId,
        String communityId,
        String answerAuthorId,
        String note,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
