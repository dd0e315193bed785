package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;

public record VotePayload(QuestionView question, AnswerView answer, String clientMutationId) {
}
