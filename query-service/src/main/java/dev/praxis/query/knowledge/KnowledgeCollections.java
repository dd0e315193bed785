package dev.praxis.query.knowledge;

/**
 * The collections of the knowledge graph. Nodes are members, topics (a community's tags), posts
 * (question threads) and communities; edges are documents that carry a weight and their evidence:
 * <ul>
 * <li>{@code knowledge_contributions}: one piece of expertise evidence credited to a member in a
 * topic (_id {@code key|community|topic}; {@code key} names the cause, e.g. {@code vote/answer/voter},
 * so that its reversal finds it), with the stored term of {@link Decay};</li>
 * <li>{@code knowledge_expertise}: the member-topic edge, _id {@code community|topic|member}, with
 * {@code s} = the sum of the active contributions' terms;</li>
 * <li>{@code knowledge_participation}: the member-thread edge, _id {@code member|question}, with the
 * events (asked, answered, commented);</li>
 * <li>{@code knowledge_cooccurrence}: the topic-topic edge, _id {@code community|topic|related}, counting
 * the questions that carry both;</li>
 * <li>{@code knowledge_threads}, {@code knowledge_topics}, {@code knowledge_synonyms},
 * {@code knowledge_members}: what the projection must know to attribute later events (a question's
 * tags and answers, the tags of a community, synonyms, memberships).</li>
 * </ul>
 */
final class KnowledgeCollections {

    static final String CONTRIBUTIONS = "knowledge_contributions";
    static final String EXPERTISE = "knowledge_expertise";
    static final String PARTICIPATION = "knowledge_participation";
    static final String COOCCURRENCE = "knowledge_cooccurrence";
    static final String THREADS = "knowledge_threads";
    static final String TOPICS = "knowledge_topics";
    static final String SYNONYMS = "knowledge_synonyms";
    static final String MEMBERS = "knowledge_members";

    static final String[] ALL = {CONTRIBUTIONS, EXPERTISE, PARTICIPATION, COOCCURRENCE, THREADS, TOPICS, SYNONYMS, MEMBERS};

    private KnowledgeCollections() {
    }

    static String expertiseId(String communityId, String topic, String memberId) {
        return communityId + "|" + topic + "|" + memberId;
    }

    static String topicId(String communityId, String topic) {
        return communityId + "/" + topic;
    }
}
