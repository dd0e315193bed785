package dev.praxis.gateway.community;

import dev.praxis.api.query.CommunityView;

public record CreateCommunityPayload(CommunityView community, String clientMutationId) {
}
