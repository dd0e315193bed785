package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member no longer follows a question. */
public record QuestionUnfollowed(
        String memberId,
        String questionId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
