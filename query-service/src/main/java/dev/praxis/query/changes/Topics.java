package dev.praxis.query.changes;

/**
 * Topic names of the change feed: {@code <type>:<key>}. The type picks the {@link ChangeSource}
 * that serves it, the key what to follow (a question id, a community id, a member id).
 */
final class Topics {

    static final String QUESTION = "question";
    static final String COMMUNITY = "community";

    private Topics() {
    }

    static String question(String questionId) {
        return QUESTION + ":" + questionId;
    }

    static String community(String communityId) {
        return COMMUNITY + ":" + communityId;
    }
}
