package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;

public record UpdateProfilePayload(MemberView member, String clientMutationId) {
}
