package dev.praxis.api.reputation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The small state the {@link ReputationEngine} reads and writes, per community: the rules in force,
 * each member's total, what votes earned them per UTC day and edits in all, the tags of each thread,
 * and the live causes with what they granted. The command side keeps it in PostgreSQL (in the
 * command's transaction), the query side in MongoDB, replays in memory.
 */
public interface ReputationLedger {

    ReputationRules rules(String communityId);

    /** The member's reputation in the community, {@link ReputationRules#BASE} before any change. */
    int total(String communityId, String memberId);

    void setTotal(String communityId, String memberId, int total);

    int votePoints(String communityId, String memberId, LocalDate day);

    void setVotePoints(String communityId, String memberId, LocalDate day, int points);

    int editPoints(String communityId, String memberId);

    void setEditPoints(String communityId, String memberId, int points);

    List<String> tagsOf(String communityId, String questionId);

    void setTags(String communityId, String questionId, List<String> tags);

    Optional<ReputationCause> cause(String communityId, String key);

    /**
     * The cause under {@code key}, which can only belong to the thread {@code threadId} (the question
     * or article the voted or accepted post is in): a ledger that knows every cause of that thread
     * may answer without a lookup.
     */
    default Optional<ReputationCause> causeInThread(String communityId, String threadId, String key) {
        return cause(communityId, key);
    }

    /** Every cause (live or suspended) of a thread's posts: a question with its answers, or an article. */
    List<ReputationCause> causesOfThread(String communityId, String questionId);

    void putCause(ReputationCause cause);

    void removeCause(String communityId, String key);
}
