package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A new revision of an answer: its full body, the edit comment, the members it mentions, and the revision it restored when it is a rollback (else null). */
public record AnswerEdited(
        String questionId,
        String answerId,
        String communityId,
        String answerAuthorId,
        int revision,
        String body,
        String comment,
        Integer rolledBackToRevision,
        List<String> mentionedMemberIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
