package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.question.AcceptAnswer;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.EndorseAnswer;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.client.MutationInput;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.UnreadableTargets;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Mutations on questions and their answers. Each sends one command as the signed-in {@link Actor},
 * then reads the changed objects back at the command's position, so the payload already shows the
 * change. Answers live inside their question's aggregate, so a command on an answer names its
 * question too: the gateway looks the answer up first to learn it.
 */
@Controller
class QuestionMutationController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    QuestionMutationController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    AskQuestionPayload askQuestion(@Argument AskQuestionInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        String communityId = GlobalId.rawId(input.communityId(), NodeType.COMMUNITY);
        String questionId = mutations.newId("question", input, actor);
        MinPosition min = send(new AskQuestion(
                questionId, communityId, input.title(), input.body(), input.tags(), actor.id(), null), input, actor, context);
        return new AskQuestionPayload(question(questionId, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    PostAnswerPayload postAnswer(@Argument PostAnswerInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        String answerId = mutations.newId("answer", input, actor);
        MinPosition min = sendOnQuestion(questionId, new PostAnswer(questionId, answerId, input.body(), actor.id(), null),
                input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new PostAnswerPayload(answer(answerId, viewer, min), question(questionId, viewer, min), input.clientMutationId());
    }

    @MutationMapping
    VotePayload vote(@Argument VoteInput input, Actor actor, GraphQLContext context) {
        GlobalId post = GlobalId.decode(input.postId(), NodeType.QUESTION, NodeType.ANSWER);
        if (post.type() == NodeType.QUESTION) {
            String questionId = post.rawId();
            MinPosition min = sendOnQuestion(questionId, new CastVote(questionId, questionId, input.direction(), actor.id(), null),
                    input, actor, context);
            Viewer viewer = Viewer.of(context);
            return new VotePayload(question(questionId, viewer, min), null, input.clientMutationId());
        }
        AnswerView answer = existingAnswer(post.rawId(), context);
        MinPosition min = send(new CastVote(answer.questionId(), answer.id(), input.direction(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new VotePayload(question(answer.questionId(), viewer, min), answer(answer.id(), viewer, min), input.clientMutationId());
    }

    @MutationMapping
    AcceptAnswerPayload acceptAnswer(@Argument AcceptAnswerInput input, Actor actor, GraphQLContext context) {
        AnswerView answer = existingAnswer(GlobalId.rawId(input.answerId(), NodeType.ANSWER), context);
        MinPosition min = send(new AcceptAnswer(answer.questionId(), answer.id(), actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new AcceptAnswerPayload(answer(answer.id(), viewer, min), question(answer.questionId(), viewer, min),
                input.clientMutationId());
    }

    @MutationMapping
    EndorseAnswerPayload endorseAnswer(@Argument EndorseAnswerInput input, Actor actor, GraphQLContext context) {
        Viewer viewer = Viewer.of(context);
        AnswerView answer = existingAnswer(GlobalId.rawId(input.answerId(), NodeType.ANSWER), context);
        MinPosition min = send(new EndorseAnswer(answer.questionId(), answer.id(), input.note(), actor.id(), null),
                input, actor, context);
        return new EndorseAnswerPayload(answer(answer.id(), viewer, min), input.clientMutationId());
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
