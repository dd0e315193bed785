package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;

public record SkillEndorsementPayload(MemberView member, String clientMutationId) {
}
