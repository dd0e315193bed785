package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A question was closed to new answers. */
public record QuestionClosed(
        String questionId,
        String communityId,
        CloseReason reason,
        String duplicateOfQuestionId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
