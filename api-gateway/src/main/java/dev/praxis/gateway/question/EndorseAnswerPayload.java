package dev.praxis.gateway.question;

import dev.praxis.api.query.AnswerView;

public record EndorseAnswerPayload(AnswerView answer, String clientMutationId) {
}
