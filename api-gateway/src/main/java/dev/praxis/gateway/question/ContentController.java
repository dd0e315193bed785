package dev.praxis.gateway.question;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.RevisionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import graphql.GraphQLContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The content fields of questions and answers (revisions, comments, editors, duplicates) and of {@code Comment} and {@code Revision}. */
@Controller
class ContentController {

    private final QueryServiceClient queries;
    private final RevisionsClient revisions;

    ContentController(QueryServiceClient queries, RevisionsClient revisions) {
        this.queries = queries;
        this.revisions = revisions;
    }

    /** The revisions of all the questions of a response, with one call. */
    @BatchMapping(typeName = "Question", field = "revisions")
    Callable<Map<QuestionView, List<RevisionView>>> questionRevisions(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, List<RevisionView>> revisions = this.revisions.revisionsOfPosts(
                    questions.stream().map(QuestionView::id).toList(), viewer, min);
            return associate(questions, question -> revisions.getOrDefault(question.id(), List.of()));
        };
    }

    /** The revisions of all the answers of a response, with one call. */
    @BatchMapping(typeName = "Answer", field = "revisions")
    Callable<Map<AnswerView, List<RevisionView>>> answerRevisions(List<AnswerView> answers, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, List<RevisionView>> revisions = this.revisions.revisionsOfPosts(
                    answers.stream().map(AnswerView::id).toList(), viewer, min);
            return associate(answers, answer -> revisions.getOrDefault(answer.id(), List.of()));
        };
    }

    @BatchMapping(typeName = "Question", field = "comments")
    Callable<Map<QuestionView, List<CommentView>>> questionComments(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, List<CommentView>> comments = queries.commentsOfPosts(questions.stream().map(QuestionView::id).toList(), viewer, min);
            return associate(questions, question -> comments.getOrDefault(question.id(), List.of()));
        };
    }

    @BatchMapping(typeName = "Answer", field = "comments")
    Callable<Map<AnswerView, List<CommentView>>> answerComments(List<AnswerView> answers, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, List<CommentView>> comments = queries.commentsOfPosts(answers.stream().map(AnswerView::id).toList(), viewer, min);
            return associate(answers, answer -> comments.getOrDefault(answer.id(), List.of()));
        };
    }

    @BatchMapping(typeName = "Question", field = "lastEditor")
    Callable<Map<QuestionView, MemberView>> questionLastEditor(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(ids(questions.stream().map(QuestionView::lastEditorId).toList()), viewer, min);
            return associate(questions, question -> question.lastEditorId() == null ? null : members.get(question.lastEditorId()));
        };
    }

    @BatchMapping(typeName = "Answer", field = "lastEditor")
    Callable<Map<AnswerView, MemberView>> answerLastEditor(List<AnswerView> answers, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(ids(answers.stream().map(AnswerView::lastEditorId).toList()), viewer, min);
            return associate(answers, answer -> answer.lastEditorId() == null ? null : members.get(answer.lastEditorId()));
        };
    }

    @BatchMapping(typeName = "Question", field = "duplicateOf")
    Callable<Map<QuestionView, QuestionView>> duplicateOf(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> originals = queries.questionsById(
                    ids(questions.stream().map(QuestionView::duplicateOfQuestionId).toList()), viewer, min);
            return associate(questions, question -> question.duplicateOfQuestionId() == null ? null
                    : originals.get(question.duplicateOfQuestionId()));
        };
    }

    @BatchMapping(typeName = "Comment", field = "author")
    Callable<Map<CommentView, MemberView>> commentAuthor(List<CommentView> comments, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(comments.stream().map(CommentView::authorId).toList(), viewer, min);
            return associate(comments, comment -> members.get(comment.authorId()));
        };
    }

    @BatchMapping(typeName = "Comment", field = "mentions")
    Callable<Map<CommentView, List<MemberView>>> mentions(List<CommentView> comments, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    comments.stream().flatMap(comment -> comment.mentionedMemberIds().stream()).toList(), viewer, min);
            return associate(comments, comment -> comment.mentionedMemberIds().stream()
                    .map(members::get).filter(Objects::nonNull).toList());
        };
    }

    @BatchMapping(typeName = "Revision", field = "editor")
    Callable<Map<RevisionView, MemberView>> editor(List<RevisionView> revisions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(revisions.stream().map(RevisionView::editorId).toList(), viewer, min);
            return associate(revisions, revision -> members.get(revision.editorId()));
        };
    }

    private static List<String> ids(Collection<String> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toList();
    }
}
