package dev.praxis.api.query;

import java.util.List;

/**
 * An edge of the knowledge graph between a member and a topic (EXPERTISE: weight = the member's
 * score in the topic) or a member and a question's thread (PARTICIPATION: weight = how many posts
 * the member wrote in it), with the events that are its evidence.
 */
public record KnowledgeEdgeView(String kind, String memberId, String nodeId, double weight,
                                List<KnowledgeEvidenceView> evidence) {
}
