package dev.praxis.gateway.question;

public record AcceptAnswerInput(String answerId, String clientMutationId) {
}
