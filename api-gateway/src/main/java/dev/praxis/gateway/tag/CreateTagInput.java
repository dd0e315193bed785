package dev.praxis.gateway.tag;

import dev.praxis.gateway.client.MutationInput;

public record CreateTagInput(String communityId, String name, String description, String idempotencyKey, String clientMutationId) implements MutationInput {
}
