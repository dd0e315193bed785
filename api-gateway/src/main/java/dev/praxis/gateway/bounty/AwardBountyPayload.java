package dev.praxis.gateway.bounty;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.QuestionView;

public record AwardBountyPayload(AnswerView answer, QuestionView question, String clientMutationId) {
}
