package dev.praxis.query.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index knows of one post: enough to rebuild its document after any event, so that an
 * event changes one field and the document is written again whole (Lucene updates by replacing).
 *
 * @param thread          the question (or article) the post belongs to; its own id for a question or article
 * @param parentId        the post a comment is on; null for other kinds
 * @param threadTitle     the title of the post's question or article (shown for answers and comments)
 * @param positiveAnswers how many of a question's answers have a score above zero
 * @param deleted         the post itself was deleted
 * @param threadDeleted   the post's question was deleted, which hides its answers and comments too
 */
record PostEntry(
        String id,
        PostType type,
        String thread,
        String parentId,
        String communityId,
        String authorId,
        String threadTitle,
        String title,
        String body,
        List<String> tags,
        Instant createdAt,
        int score,
        boolean accepted,
        String acceptedAnswerId,
        int positiveAnswers,
        boolean deleted,
        boolean threadDeleted) {

    PostEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    boolean answered() {
        return acceptedAnswerId != null || positiveAnswers > 0;
    }

    boolean hidden() {
        return deleted || threadDeleted;
    }

    PostEntry withText(String newTitle, String newBody, List<String> newTags) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId,
                type == PostType.QUESTION || type == PostType.ARTICLE ? newTitle : threadTitle,
                newTitle, newBody, newTags, createdAt, score, accepted, acceptedAnswerId, positiveAnswers, deleted,
                threadDeleted);
    }

    PostEntry withThread(String newThreadTitle, List<String> newTags) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, newThreadTitle, title, body, newTags,
                createdAt, score, accepted, acceptedAnswerId, positiveAnswers, deleted, threadDeleted);
    }

    PostEntry withScore(int newScore) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, newScore, accepted, acceptedAnswerId, positiveAnswers, deleted, threadDeleted);
    }

    PostEntry withAccepted(boolean newAccepted) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, score, newAccepted, acceptedAnswerId, positiveAnswers, deleted, threadDeleted);
    }

    PostEntry withAcceptedAnswer(String answerId) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, score, accepted, answerId, positiveAnswers, deleted, threadDeleted);
    }

    PostEntry withPositiveAnswers(int count) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, score, accepted, acceptedAnswerId, Math.max(0, count), deleted, threadDeleted);
    }

    PostEntry withDeleted(boolean newDeleted) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, score, accepted, acceptedAnswerId, positiveAnswers, newDeleted, threadDeleted);
    }

    PostEntry withThreadDeleted(boolean newThreadDeleted) {
        return new PostEntry(id, type, thread, parentId, communityId, authorId, threadTitle, title, body, tags,
                createdAt, score, accepted, acceptedAnswerId, positiveAnswers, deleted, newThreadDeleted);
    }
}
