package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;

public record PostChangePayload(QuestionView question, AnswerView answer, String clientMutationId) {
}
