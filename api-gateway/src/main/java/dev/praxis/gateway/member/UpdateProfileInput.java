package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;
import java.util.List;

public record UpdateProfileInput(String displayName, String bio, List<String> skills, String idempotencyKey, String clientMutationId) implements MutationInput {
}
