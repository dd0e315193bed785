package dev.praxis.api.question;

import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;

/**
 * A historical vote whose voter is unknown was recorded on a post (one event per vote of the
 * imported history, at the time it was cast). It counts for the post's score and its author's
 * reputation like a {@link VoteCast}, but names no voter: {@code actorId} is the member who ran the
 * import, and no voter gains or loses anything. The event's metadata marks it as imported and
 * names its source record.
 */
public record AnonymousVoteRecorded(
        String questionId,
        String postId,
        PostKind postKind,
        String communityId,
        String postAuthorId,
        VoteDirection direction,
        String actorId,
        Instant occurredAt) implements PraxisEvent {
}
