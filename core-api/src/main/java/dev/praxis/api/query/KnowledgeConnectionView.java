package dev.praxis.api.query;

import java.util.List;

/**
 * How two members are connected: the shortest path found through shared topics and threads,
 * nodes in order from {@code fromMemberId} to {@code toMemberId} and the edges between them
 * ({@code edges.get(i)} joins {@code nodes.get(i)} and {@code nodes.get(i + 1)}).
 */
public record KnowledgeConnectionView(String fromMemberId, String toMemberId, List<KnowledgeNodeView> nodes,
                                      List<KnowledgeEdgeView> edges) {
}
