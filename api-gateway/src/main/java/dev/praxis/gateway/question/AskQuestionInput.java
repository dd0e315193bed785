package dev.praxis.gateway.question;

import java.util.List;

public record AskQuestionInput(String communityId, String title, String body, List<String> tags, String clientMutationId) {
}
