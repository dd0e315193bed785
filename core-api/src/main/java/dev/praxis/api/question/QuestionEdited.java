package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/** A new revision of a question: its full title, body and tags, the fields that changed, the edit comment, the members its body mentions, and the revision it restored when it is a rollback (else null). */
public record QuestionEdited(
        String questionId,
        String communityId,
        String questionAuthorId,
        int revision,
        String title,
        String body,
        List<String> tags,
        List<String> changedFields,
        String comment,
        Integer rolledBackToRevision,
        List<String> mentionedMemberIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
