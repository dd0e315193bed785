package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record QuestionIdInput(String questionId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
