package dev.praxis.gateway.pointintime;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code pointInTime} of the objects a point-in-time read answered (pointintime.graphqls). */
@Controller
class PointInTimeController {

    @SchemaMapping(typeName = "Question", field = "pointInTime")
    Moment questionMoment(QuestionView question, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, question);
    }

    @SchemaMapping(typeName = "Answer", field = "pointInTime")
    Moment answerMoment(AnswerView answer, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, answer);
    }
}
