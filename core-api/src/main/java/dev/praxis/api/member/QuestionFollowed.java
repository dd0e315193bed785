package dev.praxis.api.member;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/** A member now follows a question. */
public record QuestionFollowed(
        String memberId,
        String questionId,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
