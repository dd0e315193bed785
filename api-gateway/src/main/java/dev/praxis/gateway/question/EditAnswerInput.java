package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record EditAnswerInput(String answerId, String body, String comment, String idempotencyKey, String clientMutationId) implements MutationInput {
}
