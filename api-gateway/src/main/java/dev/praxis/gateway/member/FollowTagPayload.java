package dev.praxis.gateway.member;

import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.TagView;

public record FollowTagPayload(MemberView member, TagView tag, String clientMutationId) {
}
