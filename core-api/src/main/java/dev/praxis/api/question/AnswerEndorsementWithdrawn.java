package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member withdrew their endorsement of an answer. */
public record AnswerEndorsementWithdrawn(
        String questionId,
        String answerId,
        String communityId,
        String answerAuthorId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
