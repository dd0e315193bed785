package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record WithdrawAnswerEndorsementInput(String answerId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
