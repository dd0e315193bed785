package dev.praxis.api.reputation;

import java.util.List;

/**
 * A live cause of reputation: a vote ({@code vote:<post>:<voter>}), an acceptance
 * ({@code accept:<answer>}), an edit ({@code edit:<event id>}) or a bounty, with what it granted.
 * {@code questionId} is the thread (the article for an article's edits), {@code tags} the thread's
 * tags when it was granted (for the tag leaderboards). {@code suspendedBy} names the deleted post
 * whose deletion reversed it for now (null while it counts); undeleting that post restores it.
 * {@code grants} is always what the cause holds for its members now (what a deletion took back, while
 * suspended), so that every reversal and restoration moves exactly that amount.
 */
public record ReputationCause(String key, String communityId, String questionId, String postId, String eventId,
                              List<String> tags, List<ReputationGrant> grants, String suspendedBy) {

    public ReputationCause {
        tags = tags == null ? List.of() : List.copyOf(tags);
        grants = List.copyOf(grants);
    }

    public boolean active() {
        return suspendedBy == null;
    }

    /** Bounties stay when posts are deleted, as on Stack Overflow. */
    public boolean survivesDeletion() {
        return key.startsWith("bounty");
    }

    /** Suspended by a post's deletion, remembering what the deletion really took back. */
    ReputationCause suspended(String byPostId, List<ReputationGrant> takenBack) {
        return new ReputationCause(key, communityId, questionId, postId, eventId, tags, takenBack, byPostId);
    }

    /** Live again, remembering what the undeletion really gave back. */
    ReputationCause restored(List<ReputationGrant> givenBack) {
        return new ReputationCause(key, communityId, questionId, postId, eventId, tags, givenBack, null);
    }
}
