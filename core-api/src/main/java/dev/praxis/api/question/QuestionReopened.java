package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A closed question was reopened. */
public record QuestionReopened(
        String questionId,
        String communityId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
