package dev.praxis.gateway.flag;

import dev.praxis.api.flag.FlagReason;
import dev.praxis.gateway.client.MutationInput;

public record FlagPostInput(String postId, FlagReason reason, String text, String idempotencyKey, String clientMutationId)
        implements MutationInput {
}
