package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

public record FollowMemberInput(String memberId, String idempotencyKey, String clientMutationId) implements MutationInput {
}
