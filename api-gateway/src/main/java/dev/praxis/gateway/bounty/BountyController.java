package dev.praxis.gateway.bounty;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.bounty.AwardBounty;
import dev.praxis.api.bounty.OfferBounty;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.BountyView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.UnreadableTargets;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.Mutations;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Bounties: the {@code offerBounty} and {@code awardBounty} mutations, {@code Question.bounty} and the fields of {@code Bounty}. */
@Controller
class BountyController {

    private final Mutations mutations;
    private final QueryServiceClient queries;

    BountyController(Mutations mutations, QueryServiceClient queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    OfferBountyPayload offerBounty(@Argument OfferBountyInput input, Actor actor, GraphQLContext context) {
        String questionId = GlobalId.rawId(input.questionId(), NodeType.QUESTION);
        MinPosition min = UnreadableTargets.hidden(
                () -> mutations.send(new OfferBounty(questionId, input.amount(), actor.id(), null), input, actor, context),
                () -> queries.question(questionId, Viewer.of(context), MinPosition.of(context)).isPresent(),
                "UNKNOWN_QUESTION", "question");
        Viewer viewer = Viewer.of(context);
        return new OfferBountyPayload(queries.question(questionId, viewer, min).orElse(null),
                queries.bountiesByQuestionId(List.of(questionId), viewer, min).get(questionId), input.clientMutationId());
    }

    @MutationMapping
    AwardBountyPayload awardBounty(@Argument AwardBountyInput input, Actor actor, GraphQLContext context) {
        String answerId = GlobalId.rawId(input.answerId(), NodeType.ANSWER);
        AnswerView answer = queries.answersById(List.of(answerId), Viewer.of(context), MinPosition.of(context)).get(answerId);
        if (answer == null) {
            throw ClientErrorException.notFound("ANSWER_NOT_FOUND", "There is no answer with this id.");
        }
        MinPosition min = mutations.send(new AwardBounty(answer.questionId(), answerId, actor.id(), null), input, actor, context);
        Viewer viewer = Viewer.of(context);
        return new AwardBountyPayload(queries.answersById(List.of(answerId), viewer, min).get(answerId),
                queries.question(answer.questionId(), viewer, min).orElse(null), input.clientMutationId());
    }

    @BatchMapping(typeName = "Question", field = "bounty")
    Callable<Map<QuestionView, BountyView>> bounty(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, BountyView> bounties = queries.bountiesByQuestionId(
                    questions.stream().map(QuestionView::id).toList(), viewer, min);
            return associate(questions, question -> bounties.get(question.id()));
        };
    }

    @BatchMapping(typeName = "Bounty", field = "offeredBy")
    Callable<Map<BountyView, MemberView>> offeredBy(List<BountyView> bounties, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(bounties.stream().map(BountyView::offeredBy).toList(), viewer, min);
            return associate(bounties, bounty -> members.get(bounty.offeredBy()));
        };
    }
}
