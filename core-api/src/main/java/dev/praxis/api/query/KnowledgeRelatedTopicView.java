package dev.praxis.api.query;

/** A topic related to another one of the same community: on how many (not deleted) questions they appear together. */
public record KnowledgeRelatedTopicView(String communityId, String topic, String relatedTo, long questionCount) {
}
