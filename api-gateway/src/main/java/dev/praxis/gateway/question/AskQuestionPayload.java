package dev.praxis.gateway.question;

import dev.praxis.api.query.QuestionView;

public record AskQuestionPayload(QuestionView question, String clientMutationId) {
}
