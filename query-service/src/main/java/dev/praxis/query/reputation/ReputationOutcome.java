package dev.praxis.query.reputation;

import dev.praxis.api.reputation.ReputationCause;
import dev.praxis.api.reputation.ReputationChange;
import java.util.List;

/**
 * What the reputation engine decided for one event, as absolute writes: decided once, stored with
 * the event's input, and applied (again, when the event is delivered again) by plain {@code $set}s,
 * so that the projection is idempotent without transactions. {@code replacesCommunity} marks the
 * outcome of a rules change: the community's ledger is replaced by the one described.
 */
record ReputationOutcome(
        String replacesCommunity,
        List<Total> totals,
        List<Total> editPoints,
        List<VoteDay> voteDays,
        List<ThreadTags> tags,
        List<ReputationCause> causesPut,
        List<String> causesRemoved,
        List<ReputationChange> changes,
        List<BoardPoints> boards) {

    record Total(String communityId, String memberId, int value) {
    }

    record VoteDay(String communityId, String memberId, String day, int points) {
    }

    record ThreadTags(String communityId, String questionId, List<String> tags) {
    }

    /** Absolute points of a member on a board (only in a rules change's outcome, which rebuilds the boards). */
    record BoardPoints(String board, String communityId, String memberId, int points) {
    }
}
