package dev.praxis.gateway.tag;

import dev.praxis.gateway.client.MutationInput;

public record TagSynonymInput(String communityId, String name, String synonym, String idempotencyKey, String clientMutationId) implements MutationInput {
}
