package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A question was asked; {@code actorId} is its author. Tags are normalised (lower case, no duplicates). */
public record QuestionAsked(
        String questionId,
        String communityId,
        String title,
        String body,
        List<String> tags,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
