package dev.praxis.query.bounty;

import dev.praxis.api.query.BountyView;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/** The latest bounty of a question in the {@code bounties} collection, keyed by the question's id. */
record BountyDocument(
        @Id String questionId,
        int round,
        boolean open,
        int amount,
        String offeredBy,
        Instant offeredAt,
        Instant expiresAt) {

    static final String COLLECTION = "bounties";

    BountyView view() {
        return new BountyView(questionId, amount, offeredBy, offeredAt, expiresAt);
    }
}
