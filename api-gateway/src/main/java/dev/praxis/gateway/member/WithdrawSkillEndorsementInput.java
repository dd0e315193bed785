package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

public record WithdrawSkillEndorsementInput(String memberId, String skill, String idempotencyKey, String clientMutationId) implements MutationInput {
}
