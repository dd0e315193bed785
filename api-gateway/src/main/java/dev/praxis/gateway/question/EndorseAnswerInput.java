package dev.praxis.gateway.question;

import dev.praxis.gateway.client.MutationInput;

public record EndorseAnswerInput(String answerId, String note, String idempotencyKey, String clientMutationId) implements MutationInput {
}
