package dev.praxis.gateway.question;

import dev.praxis.api.question.VoteDirection;

public record VoteInput(String postId, VoteDirection direction, String clientMutationId) {
}
