package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** The asker withdrew the acceptance of an answer (also when accepting another one instead). */
public record AnswerAcceptanceWithdrawn(
        String questionId,
        String answerId,
        String communityId,
        String answerAuthorId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
