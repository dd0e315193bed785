package dev.praxis.query.pointintime;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.EndorsementView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question and its answers as the {@code questions} projection ({@code QuestionProjection}) left
 * them after a prefix of the question aggregate's events: the same updates, applied in memory
 * instead of in MongoDB, and the same mapping to views as {@code QuestionDocument.view()} and
 * {@code AnswerDocument.view()}. Every event the projection handles for a question comes from
 * the question's own aggregate, so its stream alone determines the state.
 *
 * <p>A purpose-built fold rather than the projection's own code run into a scratch MongoDB: the
 * projection writes through a {@code MongoTemplate}, one round trip per update, which for a
 * question of a thousand events costs far more than the 50 ms a point-in-time read may take.
 * {@code QuestionAsOfTest} guards against drift: it replays a varied history through the real
 * projection and checks, after every event, that the fold at that position equals the read model.
 */
final class QuestionFold {

    private Question question;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    /** The fold of the events (the question aggregate's, in order); empty when the question was not asked yet. */
    static QuestionFold of(List<HistoricEvent> events) {
        QuestionFold fold = new QuestionFold();
        events.forEach(event -> fold.apply(event.payload()));
        return fold;
    }

    Optional<QuestionView> question() {
        return Optional.ofNullable(question).map(Question::view);
    }

    /** Every answer posted by then, deleted ones included (as the read model keeps them), in posting order. */
    List<AnswerView> answers() {
        return answers.values().stream().map(Answer::view).toList();
    }

    void apply(Object event) {
        if (event instanceof QuestionAsked e) {
            Question q = question == null ? new Question(e.questionId()) : question;
            q.communityId = e.communityId();
            q.title = e.title();
            q.body = e.body();
            q.tags = e.tags();
            q.authorId = e.actorId();
            q.createdAt = e.occurredAt();
            q.touch(e.occurredAt());
            question = q;
        } else if (event instanceof AnswerPosted e) {
            Answer a = answers.computeIfAbsent(e.answerId(), Answer::new);
            a.questionId = e.questionId();
            a.communityId = e.communityId();
            a.body = e.body();
            a.authorId = e.actorId();
            a.createdAt = e.occurredAt();
            if (question != null) {
                question.answerIds.add(e.answerId());
                question.answerCount++;
                question.touch(e.occurredAt());
            }
        } else if (event instanceof VoteCast e) {
            scoreOf(e.postKind(), e.postId(), value(e.direction()));
        } else if (event instanceof VoteChanged e) {
            scoreOf(e.postKind(), e.postId(), value(e.direction()) - value(e.previousDirection()));
        } else if (event instanceof VoteRetracted e) {
            scoreOf(e.postKind(), e.postId(), -value(e.direction()));
        } else if (event instanceof AnswerAccepted e) {
            if (question != null) {
                question.acceptedAnswerId = e.answerId();
                question.touch(e.occurredAt());
            }
            answer(e.answerId()).ifPresent(a -> a.accepted = true);
        } else if (event instanceof AnswerAcceptanceWithdrawn e) {
            if (question != null && e.answerId().equals(question.acceptedAnswerId)) {
                question.acceptedAnswerId = null;
            }
            answer(e.answerId()).ifPresent(a -> a.accepted = false);
        } else if (event instanceof AnswerEndorsed e) {
            answer(e.answerId()).ifPresent(a -> a.endorsements.add(new EndorsementView(e.actorId(), e.note(), e.occurredAt())));
        } else if (event instanceof AnswerEndorsementWithdrawn e) {
            answer(e.answerId()).ifPresent(a -> a.endorsements.removeIf(endorsement -> endorsement.memberId().equals(e.actorId())));
        } else if (event instanceof QuestionEdited e) {
            ifAsked(q -> {
                q.title = e.title();
                q.body = e.body();
                q.tags = e.tags();
                q.revisionCount = e.revision();
                q.lastEditedAt = e.occurredAt();
                q.lastEditorId = e.actorId();
                q.touch(e.occurredAt());
            });
        } else if (event instanceof AnswerEdited e) {
            answer(e.answerId()).ifPresent(a -> {
                a.body = e.body();
                a.revisionCount = e.revision();
                a.lastEditedAt = e.occurredAt();
                a.lastEditorId = e.actorId();
            });
            ifAsked(q -> q.touch(e.occurredAt()));
        } else if (event instanceof PostDeleted e) {
            markDeleted(e.postId(), e.postKind(), true);
        } else if (event instanceof PostUndeleted e) {
            markDeleted(e.postId(), e.postKind(), false);
        } else if (event instanceof QuestionLocked) {
            ifAsked(q -> q.locked = true);
        } else if (event instanceof QuestionUnlocked) {
            ifAsked(q -> q.locked = false);
        } else if (event instanceof QuestionClosed e) {
            ifAsked(q -> {
                q.closed = true;
                q.closeReason = e.reason().name();
                q.duplicateOfQuestionId = e.duplicateOfQuestionId();
            });
        } else if (event instanceof QuestionReopened) {
            ifAsked(q -> {
                q.closed = false;
                q.closeReason = null;
                q.duplicateOfQuestionId = null;
            });
        }
        // anything else (comments, mentions, bounties, ...) is not part of a question's or an answer's read model
    }

    private void ifAsked(java.util.function.Consumer<Question> change) {
        if (question != null) {
            change.accept(question);
        }
    }

    private Optional<Answer> answer(String answerId) {
        return Optional.ofNullable(answers.get(answerId));
    }

    private void scoreOf(PostKind kind, String postId, int delta) {
        if (kind == PostKind.QUESTION) {
            if (question != null && question.id.equals(postId)) {
                question.score += delta;
            }
        } else {
            answer(postId).ifPresent(a -> a.score += delta);
        }
    }

    private void markDeleted(String postId, PostKind kind, boolean deleted) {
        if (kind == PostKind.QUESTION) {
            if (question != null && question.id.equals(postId)) {
                question.deleted = deleted;
            }
            return;
        }
        answer(postId).ifPresent(a -> a.deleted = deleted);
        if (question != null) {
            if (deleted) {
                question.deletedAnswerIds.add(postId);
            } else {
                question.deletedAnswerIds.remove(postId);
            }
        }
    }

    /** MongoDB keeps instants to the millisecond: so does the read model the fold stands for. */
    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static int value(VoteDirection direction) {
        return direction == VoteDirection.UP ? 1 : -1;
    }

    private static final class Question {
        final String id;
        String communityId;
        String title;
        String body;
        List<String> tags;
        String authorId;
        Instant createdAt;
        Instant lastActivityAt;
        int score;
        int answerCount;
        String acceptedAnswerId;
        final List<String> answerIds = new ArrayList<>();
        final LinkedHashSet<String> deletedAnswerIds = new LinkedHashSet<>();
        Integer revisionCount;
        Instant lastEditedAt;
        String lastEditorId;
        boolean deleted;
        boolean locked;
        boolean closed;
        String closeReason;
        String duplicateOfQuestionId;

        Question(String id) {
            this.id = id;
        }

        void touch(Instant at) {
            if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
                lastActivityAt = at;
            }
        }

        QuestionView view() {
            List<String> visible = answerIds.stream().filter(a -> !deletedAnswerIds.contains(a)).toList();
            return new QuestionView(id, communityId, title, body, tags == null ? List.of() : List.copyOf(tags), authorId,
                    millis(createdAt), millis(lastActivityAt), score, Math.max(0, answerCount - deletedAnswerIds.size()), acceptedAnswerId,
                    visible, revisionCount == null ? 1 : revisionCount, millis(lastEditedAt), lastEditorId, deleted, locked, closed,
                    closeReason, duplicateOfQuestionId);
        }
    }

    private static final class Answer {
        final String id;
        String questionId;
        String communityId;
        String body;
        String authorId;
        Instant createdAt;
        int score;
        boolean accepted;
        final List<EndorsementView> endorsements = new ArrayList<>();
        Integer revisionCount;
        Instant lastEditedAt;
        String lastEditorId;
        boolean deleted;

        Answer(String id) {
            this.id = id;
        }

        AnswerView view() {
            return new AnswerView(id, questionId, communityId, body, authorId, millis(createdAt), score, accepted,
                    endorsements.stream().map(e -> new EndorsementView(e.memberId(), e.note(), millis(e.endorsedAt()))).toList(),
                    revisionCount == null ? 1 : revisionCount, millis(lastEditedAt), lastEditorId, deleted);
        }
    }
}
