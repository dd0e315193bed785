package dev.praxis.gateway.bounty;

import dev.praxis.gateway.client.MutationInput;

public record AwardBountyInput(String answerId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
