package dev.praxis.query.search;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.member.MemberErased;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.CommentEdited;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The search index as a projection of the event stream: posts with their text, tags, score,
 * acceptance and deletion; members with their names; tag synonyms. Its processor keeps its token in
 * the index ({@link IndexTokenStore}), and the index and the token are committed together, so
 * every event is applied exactly once to what the index holds (votes add up, they are not set).
 */
@Component
@ProcessingGroup(IndexTokenStore.PROCESSOR)
public class SearchProjection {

    private final SearchIndex index;

    public SearchProjection(SearchIndex index) {
        this.index = index;
    }

    // ---- questions, answers, comments ----

    @EventHandler
    void on(QuestionAsked event) {
        index.put(new PostEntry(event.questionId(), PostType.QUESTION, event.questionId(), null, event.communityId(),
                event.actorId(), event.title(), event.title(), event.body(), event.tags(), event.occurredAt(), 0, false,
                null, 0, false, false));
    }

    @EventHandler
    void on(QuestionEdited event) {
        update(event.questionId(), q -> q.withText(event.title(), event.body(), event.tags()));
        for (PostEntry post : index.thread(event.questionId())) {
            index.put(post.withThread(event.title(), event.tags()));
        }
    }

    @EventHandler
    void on(AnswerPosted event) {
        PostEntry question = index.post(event.questionId()).orElse(null);
        index.put(new PostEntry(event.answerId(), PostType.ANSWER, event.questionId(), null, event.communityId(),
                event.actorId(), question == null ? null : question.title(), null, event.body(),
                question == null ? List.of() : question.tags(), event.occurredAt(), 0, false, null, 0, false,
                question != null && question.deleted()));
    }

    @EventHandler
    void on(AnswerEdited event) {
        update(event.answerId(), a -> a.withText(null, event.body(), a.tags()));
    }

    @EventHandler
    void on(CommentAdded event) {
        PostEntry question = index.post(event.questionId()).orElse(null);
        index.put(new PostEntry(event.commentId(), PostType.COMMENT, event.questionId(), event.postId(),
                event.communityId(), event.actorId(), question == null ? null : question.title(), null, event.body(),
                question == null ? List.of() : question.tags(), event.occurredAt(), 0, false, null, 0, false,
                question != null && question.deleted()));
    }

    @EventHandler
    void on(CommentEdited event) {
        update(event.commentId(), c -> c.withText(null, event.body(), c.tags()));
    }

    @EventHandler
    void on(CommentDeleted event) {
        update(event.commentId(), c -> c.withDeleted(true));
    }

    /** A deleted question hides its whole thread; a deleted answer or comment only itself. */
    @EventHandler
    void on(PostDeleted event) {
        setDeleted(event.postId(), event.postKind(), true);
    }

    @EventHandler
    void on(PostUndeleted event) {
        setDeleted(event.postId(), event.postKind(), false);
    }

    private void setDeleted(String postId, PostKind kind, boolean deleted) {
        update(postId, p -> p.withDeleted(deleted));
        if (kind == PostKind.QUESTION) {
            for (PostEntry post : index.thread(postId)) {
                index.put(post.withThreadDeleted(deleted));
            }
        }
    }

    // ---- votes and acceptance ----

    @EventHandler
    void on(VoteCast event) {
        vote(event.postId(), event.questionId(), value(event.direction()));
    }

    @EventHandler
    void on(AnonymousVoteRecorded event) {
        vote(event.postId(), event.questionId(), value(event.direction()));
    }

    @EventHandler
    void on(VoteChanged event) {
        vote(event.postId(), event.questionId(), value(event.direction()) - value(event.previousDirection()));
    }

    @EventHandler
    void on(VoteRetracted event) {
        vote(event.postId(), event.questionId(), -value(event.direction()));
    }

    /** A vote changes the post's score; an answer crossing zero changes whether its question counts as answered. */
    private void vote(String postId, String questionId, int delta) {
        PostEntry post = index.post(postId).orElse(null);
        if (post == null) {
            return;
        }
        PostEntry voted = post.withScore(post.score() + delta);
        index.put(voted);
        if (post.type() == PostType.ANSWER && !post.deleted() && (post.score() > 0) != (voted.score() > 0)) {
            int change = voted.score() > 0 ? 1 : -1;
            update(questionId, q -> q.withPositiveAnswers(q.positiveAnswers() + change));
        }
    }

    private static int value(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    @EventHandler
    void on(AnswerAccepted event) {
        update(event.answerId(), a -> a.withAccepted(true));
        update(event.questionId(), q -> q.withAcceptedAnswer(event.answerId()));
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn event) {
        update(event.answerId(), a -> a.withAccepted(false));
        update(event.questionId(), q -> event.answerId().equals(q.acceptedAnswerId()) ? q.withAcceptedAnswer(null) : q);
    }

    // ---- articles ----

    @EventHandler
    void on(ArticlePublished event) {
        index.put(new PostEntry(event.articleId(), PostType.ARTICLE, event.articleId(), null, event.communityId(),
                event.actorId(), event.title(), event.title(), event.body(), event.tags(), event.occurredAt(), 0, false,
                null, 0, false, false));
    }

    @EventHandler
    void on(ArticleEdited event) {
        update(event.articleId(), a -> a.withText(event.title(), event.body(), event.tags()));
    }

    @EventHandler
    void on(ArticleDeleted event) {
        update(event.articleId(), a -> a.withDeleted(true));
    }

    // ---- tags ----

    @EventHandler
    void on(TagSynonymAdded event) {
        index.putSynonym(event.communityId(), event.synonym(), event.name());
    }

    @EventHandler
    void on(TagSynonymRemoved event) {
        index.removeSynonym(event.communityId(), event.synonym());
    }

    // ---- members ----

    @EventHandler
    void on(MemberJoinedCommunity event) {
        MemberEntry member = index.member(event.memberId())
                .orElse(new MemberEntry(event.memberId(), null, null, Set.of()));
        index.put(member.joined(event.communityId(), event.displayName()));
    }

    @EventHandler
    void on(ProfileUpdated event) {
        MemberEntry member = index.member(event.memberId())
                .orElse(new MemberEntry(event.memberId(), null, null, Set.of()));
        index.put(member.withProfileName(event.displayName()));
    }

    /** An erased member is found by no name: the names read as erased, as a rebuild would see them. */
    @EventHandler
    void on(MemberErased event) {
        index.member(event.memberId()).ifPresent(m -> {
            index.put(m.erased());
            index.purgeReplaced();
        });
    }

    @EventHandler
    void on(MemberLeftCommunity event) {
        index.member(event.memberId()).ifPresent(m -> index.put(m.left(event.communityId())));
    }

    @EventHandler
    void on(MemberBanned event) {
        index.member(event.memberId()).ifPresent(m -> index.put(m.left(event.communityId())));
    }

    @ResetHandler
    void reset() {
        index.deleteAll();
    }

    private void update(String postId, UnaryOperator<PostEntry> change) {
        index.post(postId).ifPresent(post -> index.put(change.apply(post)));
    }
}
