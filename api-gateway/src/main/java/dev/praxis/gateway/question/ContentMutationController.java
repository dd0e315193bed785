package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.question.AddComment;
import dev.praxis.api.question.CloseQuestion;
import dev.praxis.api.question.DeleteComment;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.EditAnswer;
import dev.praxis.api.question.EditComment;
import dev.praxis.api.question.EditQuestion;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.ReopenQuestion;
import dev.praxis.api.question.RetractVote;
import dev.praxis.api.question.RollbackPost;
import dev.praxis.api.question.UndeletePost;
import dev.praxis.api.question.UnlockQuestion;
import dev.praxis.api.question.WithdrawAcceptance;
import dev.praxis.api.question.WithdrawAnswerEndorsement;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.UnreadableTargets;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Mutations on the content of a question's thread: edits and rollbacks, comments, deletion,
 * locking, closing, vote retraction and withdrawals. A post id is the global id of the question or
 * of an answer; for an answer (or a comment) the gateway looks it up first to learn its question,
 * the aggregate that takes the command.
 */
@Controller
class ContentMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    ContentMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    PostChangePayload editQuestion(@Argument EditQuestionInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        return onQuestion(questionId, new EditQuestion(questionId, input.title(), input.body(),
                input.tags() == null ? List.of() : input.tags(), input.comment(), actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload editAnswer(@Argument EditAnswerInput input, Actor actor, GraphQLContext context) {
        AnswerView answer = existingAnswer(GlobalId.rawId(input.answerId(), NodeType.ANSWER), context);
        return onPost(answer.questionId(), answer.id(),
                new EditAnswer(answer.questionId(), answer.id(), input.body(), input.comment(), actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload rollbackPost(@Argument RollbackPostInput input, Actor actor, GraphQLContext context) {
        return onAnyPost(input.postId(), (questionId, postId) -> new RollbackPost(questionId, postId, input.revision(), actor.id(), null),
                input, actor, context);
    }

    @MutationMapping
    CommentPayload addComment(@Argument AddCommentInput input, Actor actor, GraphQLContext context) {
        Post post = post(input.postId(), context);
        String commentId = mutations.newId("comment", input, actor);
        MinPosition min = sendOnQuestion(post.questionId(),
                new AddComment(post.questionId(), commentId, post.postId(), input.body(), actor.id(), null), input, actor, context);
        return commentPayload(commentId, post, Viewer.of(context), min, input);
    }

    @MutationMapping
    CommentPayload editComment(@Argument EditCommentInput input, Actor actor, GraphQLContext context) {
        CommentView comment = existingComment(input.commentId(), context);
        MinPosition min = send(new EditComment(comment.questionId(), comment.id(), input.body(), actor.id(), null),
                input, actor, context);
        return commentPayload(comment.id(), new Post(comment.questionId(), comment.postId()), Viewer.of(context), min, input);
    }

    @MutationMapping
    CommentPayload deleteComment(@Argument DeleteCommentInput input, Actor actor, GraphQLContext context) {
        CommentView comment = existingComment(input.commentId(), context);
        MinPosition min = send(new DeleteComment(comment.questionId(), comment.id(), actor.id(), null), input, actor, context);
        return commentPayload(comment.id(), new Post(comment.questionId(), comment.postId()), Viewer.of(context), min, input);
    }

    @MutationMapping
    PostChangePayload deletePost(@Argument PostReasonInput input, Actor actor, GraphQLContext context) {
        return onAnyPost(input.postId(), (questionId, postId) -> new DeletePost(questionId, postId, input.reason(), actor.id(), null),
                input, actor, context);
    }

    @MutationMapping
    PostChangePayload undeletePost(@Argument PostReasonInput input, Actor actor, GraphQLContext context) {
        return onAnyPost(input.postId(), (questionId, postId) -> new UndeletePost(questionId, postId, input.reason(), actor.id(), null),
                input, actor, context);
    }

    @MutationMapping
    PostChangePayload lockQuestion(@Argument QuestionReasonInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        return onQuestion(questionId, new LockQuestion(questionId, input.reason(), actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload unlockQuestion(@Argument QuestionReasonInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        return onQuestion(questionId, new UnlockQuestion(questionId, input.reason(), actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload closeQuestion(@Argument CloseQuestionInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        String duplicateOf = input.duplicateOfQuestionId() == null ? null
                : GlobalId.rawId(input.duplicateOfQuestionId(), NodeType.QUESTION);
        return onQuestion(questionId, new CloseQuestion(questionId, input.reason(), duplicateOf, actor.id(), null),
                input, actor, context);
    }

    @MutationMapping
    PostChangePayload reopenQuestion(@Argument QuestionIdInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        return onQuestion(questionId, new ReopenQuestion(questionId, actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload retractVote(@Argument PostIdInput input, Actor actor, GraphQLContext context) {
        return onAnyPost(input.postId(), (questionId, postId) -> new RetractVote(questionId, postId, actor.id(), null),
                input, actor, context);
    }

    @MutationMapping
    PostChangePayload withdrawAcceptance(@Argument QuestionIdInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        return onQuestion(questionId, new WithdrawAcceptance(questionId, actor.id(), null), input, actor, context);
    }

    @MutationMapping
    PostChangePayload withdrawAnswerEndorsement(@Argument WithdrawAnswerEndorsementInput input, Actor actor,
            GraphQLContext context) {
        AnswerView answer = existingAnswer(GlobalId.rawId(input.answerId(), NodeType.ANSWER), context);
        return onPost(answer.questionId(), answer.id(),
                new WithdrawAnswerEndorsement(answer.questionId(), answer.id(), actor.id(), null), input, actor, context);
    }

    private record Post(String questionId, String postId) {

        boolean isAnswer() {
            return !questionId.equals(postId);
        }
    }

    /** The question of a post named by its global id (a question's or an answer's). */
    private Post post(String globalPostId, GraphQLContext context) {
        GlobalId post = GlobalId.decode(globalPostId, NodeType.QUESTION, NodeType.ANSWER);
        if (post.type() == NodeType.QUESTION) {
            return new Post(post.rawId(), post.rawId());
        }
        AnswerView answer = existingAnswer(post.rawId(), context);
        return new Post(answer.questionId(), answer.id());
    }

    private PostChangePayload onAnyPost(String globalPostId, BiFunction<String, String, PraxisCommand> command,
            MutationInput input, Actor actor, GraphQLContext context) {
        Post post = post(globalPostId, context);
        return onPost(post.questionId(), post.postId(), command.apply(post.questionId(), post.postId()), input, actor, context);
    }

    private PostChangePayload onQuestion(String questionId, PraxisCommand command, MutationInput input, Actor actor,
            GraphQLContext context) {
        return onPost(questionId, questionId, command, input, actor, context);
    }

    private PostChangePayload onPost(String questionId, String postId, PraxisCommand command, MutationInput input,
            Actor actor, GraphQLContext context) {
        MinPosition min = sendOnQuestion(questionId, command, input, actor, context);
        Viewer viewer = Viewer.of(context);
        AnswerView answer = questionId.equals(postId) ? null : answer(postId, viewer, min);
        return new PostChangePayload(question(questionId, viewer, min), answer, input.clientMutationId());
    }

    private CommentPayload commentPayload(String commentId, Post post, Viewer viewer, MinPosition min, MutationInput input) {
        CommentView comment = queries.commentsById(List.of(commentId), viewer, min).get(commentId);
        AnswerView answer = post.isAnswer() ? answer(post.postId(), viewer, min) : null;
        return new CommentPayload(comment, question(post.questionId(), viewer, min), answer, input.clientMutationId());
    }

    /** Sends a command on a question's thread; refused on a question the viewer may not read, it is NOT_FOUND. */
    private MinPosition sendOnQuestion(String questionId, PraxisCommand command, MutationInput input, Actor actor,
            GraphQLContext context) {
        return UnreadableTargets.hidden(() -> send(command, input, actor, context),
                () -> question(questionId, Viewer.of(context), MinPosition.of(context)) != null, "UNKNOWN_QUESTION", "question");
    }

    private MinPosition send(PraxisCommand command, MutationInput input, Actor actor, GraphQLContext context) {
        return mutations.send(command, input, actor, context);
    }

    private CommentView existingComment(String globalCommentId, GraphQLContext context) {
        String commentId = GlobalId.rawId(globalCommentId, NodeType.COMMENT);
        CommentView comment = queries.commentsById(List.of(commentId), Viewer.of(context), MinPosition.of(context)).get(commentId);
        if (comment == null) {
            throw ClientErrorException.notFound("COMMENT_NOT_FOUND", "There is no comment with this id.");
        }
        return comment;
    }

    private AnswerView existingAnswer(String answerId, GraphQLContext context) {
        AnswerView answer = answer(answerId, Viewer.of(context), MinPosition.of(context));
        if (answer == null) {
            throw ClientErrorException.notFound("ANSWER_NOT_FOUND", "There is no answer with this id.");
        }
        return answer;
    }

    private AnswerView answer(String answerId, Viewer viewer, MinPosition min) {
        return queries.answersById(List.of(answerId), viewer, min).get(answerId);
    }

    private QuestionView question(String questionId, Viewer viewer, MinPosition min) {
        return queries.question(questionId, viewer, min).orElse(null);
    }
}
