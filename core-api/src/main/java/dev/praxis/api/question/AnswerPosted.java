package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** An answer was posted; {@code actorId} is its author. */
public record AnswerPosted(
        String questionId,
        String answerId,
        String communityId,
        String body,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
