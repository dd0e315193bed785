package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;

/** What {@code eraseMember} answers: the member as others now see them. */
public record EraseMemberPayload(MemberView member, String clientMutationId) {
}
