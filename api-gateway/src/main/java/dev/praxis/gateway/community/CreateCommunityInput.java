package dev.praxis.gateway.community;

public record CreateCommunityInput(String name, String description, String clientMutationId) {
}
