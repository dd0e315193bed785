package dev.praxis.gateway.question;

import java.util.List;
import dev.praxis.gateway.client.MutationInput;

public record AskQuestionInput(String communityId, String title, String body, List<String> tags, String idempotencyKey, String clientMutationId) implements MutationInput {
}
