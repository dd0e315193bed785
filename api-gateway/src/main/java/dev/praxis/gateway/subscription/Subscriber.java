package dev.praxis.gateway.subscription;

import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * Who a WebSocket connection speaks for, as its {@code connection_init} established: a verified
 * member until their token expires, or an anonymous reader.
 */
record Subscriber(@Nullable Actor actor, @Nullable Instant expiresAt) {

    static final String CONTEXT_KEY = Subscriber.class.getName();

    static final Subscriber ANONYMOUS = new Subscriber(null, null);

    /** The subscriber of a GraphQL request; anonymous when the request did not come through a WebSocket. */
    static Subscriber of(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, ANONYMOUS);
    }

    Optional<Actor> member() {
        return Optional.ofNullable(actor);
    }

    @Nullable
    String viewerId() {
        return actor == null ? null : actor.id();
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
