package dev.praxis.gateway.community;

import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.gateway.client.MutationInput;

public record CreateCommunityInput(String name, String description, PrivilegePreset privilegePreset,
                                   CommunityVisibility visibility,
                                   String idempotencyKey, String clientMutationId) implements MutationInput {
}
