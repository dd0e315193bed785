package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.List;

/**
 * A newly asked question or posted answer mentions members ({@code @memberId} tokens naming
 * members of the community). It follows the {@code QuestionAsked} or {@code AnswerPosted} it belongs
 * to in the same command; edits and comments carry their mentions themselves.
 */
public record MembersMentioned(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        List<String> mentionedMemberIds,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
