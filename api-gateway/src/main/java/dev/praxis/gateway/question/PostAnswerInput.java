package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record PostAnswerInput(String questionId, String body, String idempotencyKey, String clientMutationId) implements MutationInput {
}
