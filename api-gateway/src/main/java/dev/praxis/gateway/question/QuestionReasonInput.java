package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record QuestionReasonInput(String questionId, String reason, String idempotencyKey, String clientMutationId) implements MutationInput {
}
