package dev.praxis.gateway.tag;

import dev.praxis.api.query.TagView;

public record TagPayload(TagView tag, String clientMutationId) {
}
