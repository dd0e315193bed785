package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

public record QuestionLocked(String questionId, String communityId, String reason, String actorId, Instant occurredAt)
        implements PraxisEvent {
}
