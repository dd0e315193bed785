package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

/** The input of {@code eraseMember}: the viewer erases their own personal data. */
public record EraseMemberInput(String idempotencyKey, String clientMutationId) implements MutationInput {
}
