package dev.praxis.gateway.community;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;

public record JoinCommunityPayload(CommunityView community, MemberView member, String clientMutationId) {
}
