package dev.praxis.gateway.question;

import static dev.praxis.gateway.schema.Batches.associate;
import static dev.praxis.gateway.schema.Batches.orEmpty;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.pointintime.PointInTimeClient;
import dev.praxis.gateway.pointintime.PointInTimeReads;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Reads of questions: the {@code question} query and the fields of {@code Question}. Every related
 * object is loaded in batches, one call per field for all the questions of a response, and the
 * calls of different fields run concurrently.
 */
@Controller
class QuestionController {

    private final QueryServiceClient queries;
    private final PointInTimeClient pointInTime;

    QuestionController(QueryServiceClient queries, PointInTimeClient pointInTime) {
        this.queries = queries;
        this.pointInTime = pointInTime;
    }

    /**
     * Null with NOT_FOUND / UNKNOWN_QUESTION when there is none, or when the viewer may not read it;
     * with {@code asOf}, the question of that moment (dev.praxis.gateway.pointintime).
     */
    @QueryMapping
    QuestionView question(@Argument String id, @Argument Instant asOf, GraphQLContext context) {
        String rawId = GlobalId.rawId(id, NodeType.QUESTION);
        Optional<QuestionView> found = asOf == null
                ? queries.question(rawId, Viewer.of(context), MinPosition.of(context))
                : pointInTime.question(rawId, asOf, Viewer.of(context)).map(read -> PointInTimeReads.remember(context, read));
        return found.orElseThrow(() -> ClientErrorException.notFound("UNKNOWN_QUESTION",
                        "Could not resolve to a question with the id '" + id + "'."));
    }

    @BatchMapping(typeName = "Question", field = "author")
    Callable<Map<QuestionView, MemberView>> author(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    questions.stream().map(QuestionView::authorId).toList(), viewer, min);
            return associate(questions, question -> members.get(question.authorId()));
        };
    }

    @BatchMapping(typeName = "Question", field = "community")
    Callable<Map<QuestionView, CommunityView>> community(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, CommunityView> communities = queries.communitiesById(
                    questions.stream().map(QuestionView::communityId).toList(), viewer, min);
            return associate(questions, question -> communities.get(question.communityId()));
        };
    }

    @BatchMapping(typeName = "Question", field = "acceptedAnswer")
    Callable<Map<QuestionView, AnswerView>> acceptedAnswer(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, AnswerView> answers = queries.answersById(ofThePresent(questions, context)
                    .map(QuestionView::acceptedAnswerId).filter(Objects::nonNull).toList(), viewer, min);
            return associate(questions, question -> answersOf(question, answers, context).get(question.acceptedAnswerId()));
        };
    }

    /** The answers in the order the question lists them; one the read side no longer has is left out. */
    @BatchMapping(typeName = "Question", field = "answers")
    Callable<Map<QuestionView, List<AnswerView>>> answers(List<QuestionView> questions, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, AnswerView> answers = queries.answersById(ofThePresent(questions, context)
                    .flatMap(question -> orEmpty(question.answerIds()).stream()).toList(), viewer, min);
            return associate(questions, question -> orEmpty(question.answerIds()).stream()
                    .map(answersOf(question, answers, context)::get)
                    .filter(Objects::nonNull)
                    .toList());
        };
    }

    /** The questions of the present (not read as of a past moment), whose answers are read now. */
    private static Stream<QuestionView> ofThePresent(List<QuestionView> questions, GraphQLContext context) {
        return questions.stream().filter(question -> PointInTimeReads.answersOf(context, question).isEmpty());
    }

    /** A question's answers: those of its moment when it was read as of one, else those read now. */
    private static Map<String, AnswerView> answersOf(QuestionView question, Map<String, AnswerView> now, GraphQLContext context) {
        return PointInTimeReads.answersOf(context, question).orElse(now);
    }
}
