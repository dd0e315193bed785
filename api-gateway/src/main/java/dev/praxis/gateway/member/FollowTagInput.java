package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

public record FollowTagInput(String communityId, String tag, String idempotencyKey, String clientMutationId) implements MutationInput {
}
