package dev.praxis.query.flag;

import dev.praxis.api.flag.FlagReason;
import dev.praxis.api.query.FlagView;
import dev.praxis.api.query.ModerationItemView;
import dev.praxis.api.question.PostKind;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A flagged post in the {@code moderation_queue} collection, keyed by the post's id: open while it
 * has flags no moderator has reviewed, {@code firstFlaggedAt} being the oldest of them.
 */
record ModerationQueueDocument(
        @Id String id,
        String communityId,
        PostKind postKind,
        String questionId,
        String postAuthorId,
        boolean open,
        Instant firstFlaggedAt,
        List<Flag> flags) {

    static final String COLLECTION = "moderation_queue";

    record Flag(String memberId, FlagReason reason, String text, Instant flaggedAt) {
    }

    ModerationItemView view() {
        return new ModerationItemView(id, postKind, questionId, communityId, postAuthorId, firstFlaggedAt,
                flags == null ? List.of()
                        : flags.stream().map(f -> new FlagView(f.memberId(), f.reason(), f.text(), f.flaggedAt())).toList());
    }
}
