package dev.praxis.gateway.bounty;

import dev.praxis.gateway.client.MutationInput;

public record OfferBountyInput(String questionId, int amount, String idempotencyKey, String clientMutationId) implements MutationInput {
}
