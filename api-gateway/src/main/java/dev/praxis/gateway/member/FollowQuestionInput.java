package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

public record FollowQuestionInput(String questionId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
