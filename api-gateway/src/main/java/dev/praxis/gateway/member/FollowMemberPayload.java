package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;

public record FollowMemberPayload(MemberView member, MemberView followed, String clientMutationId) {
}
