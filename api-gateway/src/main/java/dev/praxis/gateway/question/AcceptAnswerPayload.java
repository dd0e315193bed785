package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;

public record AcceptAnswerPayload(AnswerView answer, QuestionView question, String clientMutationId) {
}
