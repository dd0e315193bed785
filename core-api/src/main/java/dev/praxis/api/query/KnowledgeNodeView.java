package dev.praxis.api.query;

/**
 * A node of the knowledge graph on a path: a MEMBER (id = member id), a TOPIC (id =
 * {@code communityId/tag}, {@code name} the tag) or a QUESTION (id = question id, {@code name} its title).
 */
public record KnowledgeNodeView(String kind, String id, String communityId, String name) {
}
