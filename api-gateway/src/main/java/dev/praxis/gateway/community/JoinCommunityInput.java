package dev.praxis.gateway.community;

import dev.praxis.gateway.client.MutationInput;

public record JoinCommunityInput(String communityId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
