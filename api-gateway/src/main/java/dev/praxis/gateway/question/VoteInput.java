package dev.praxis.gateway.question;

import dev.praxis.api.question.VoteDirection;
import dev.praxis.gateway.client.MutationInput;

public record VoteInput(String postId, VoteDirection direction, String idempotencyKey, String clientMutationId) implements MutationInput {
}
