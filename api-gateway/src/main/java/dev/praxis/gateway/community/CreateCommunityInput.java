package dev.praxis.gateway.community;

import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.gateway.client.MutationInput;

public record CreateCommunityInput(String name, String description, PrivilegePreset privilegePreset,
                                   String idempotencyKey, String clientMutationId) implements MutationInput {
}
