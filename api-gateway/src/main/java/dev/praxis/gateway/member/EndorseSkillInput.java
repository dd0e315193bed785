package dev.praxis.gateway.member;

import dev.praxis.gateway.client.MutationInput;

public record EndorseSkillInput(String memberId, String skill, String note, String idempotencyKey, String clientMutationId) implements MutationInput {
}
