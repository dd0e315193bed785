package dev.praxis.gateway.question;

import dev.praxis.api.question.CloseReason;
import dev.praxis.gateway.client.MutationInput;

public record CloseQuestionInput(String questionId, CloseReason reason, String duplicateOfQuestionId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
