package dev.praxis.gateway.question;

import static dev.praxis.gateway.schema.Batches.associate;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.EndorsementView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The fields of {@code Answer} and {@code Endorsement}; related objects are loaded in batches. */
@Controller
class AnswerController {

    private final QueryServiceClient queries;

    AnswerController(QueryServiceClient queries) {
        this.queries = queries;
    }

    @BatchMapping(typeName = "Answer", field = "author")
    Callable<Map<AnswerView, MemberView>> author(List<AnswerView> answers, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(answers.stream().map(AnswerView::authorId).toList(), viewer, min);
            return associate(answers, answer -> members.get(answer.authorId()));
        };
    }

    @BatchMapping(typeName = "Answer", field = "question")
    Callable<Map<AnswerView, QuestionView>> question(List<AnswerView> answers, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(
                    answers.stream().map(AnswerView::questionId).toList(), viewer, min);
            return associate(answers, answer -> questions.get(answer.questionId()));
        };
    }

    @BatchMapping(typeName = "Endorsement", field = "endorser")
    Callable<Map<EndorsementView, MemberView>> endorser(List<EndorsementView> endorsements, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = queries.membersById(
                    endorsements.stream().map(EndorsementView::memberId).toList(), viewer, min);
            return associate(endorsements, endorsement -> members.get(endorsement.memberId()));
        };
    }
}
