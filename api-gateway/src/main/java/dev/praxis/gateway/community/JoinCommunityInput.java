package dev.praxis.gateway.community;

public record JoinCommunityInput(String communityId, String clientMutationId) {
}
