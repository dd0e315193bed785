package dev.praxis.gateway.subscription;

import dev.praxis.gateway.security.Actor;
import graphql.execution.SubscriptionExecutionStrategy;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a graphql-ws connection once, on its {@code connection_init}: browsers cannot set
 * headers on a WebSocket, so the bearer token comes in the message's payload,
 * {@code {"Authorization": "Bearer <jwt>"}}, and is verified by the same {@link JwtDecoder} as
 * the HTTP endpoint's. Without a token the connection reads as an anonymous caller; a token that
 * does not verify closes the connection with {@code 4401 Unauthorized} before any operation runs.
 * Every operation of the connection then finds its {@link Subscriber} in its GraphQL context, and
 * its events are sent in the order they happened.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WebSocketAuthentication.class);
    private static final String BEARER = "Bearer ";

    private final ObjectProvider<JwtDecoder> jwtDecoder;

    WebSocketAuthentication(ObjectProvider<JwtDecoder> jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (authorization == null) {
            session.getAttributes().put(Subscriber.CONTEXT_KEY, Subscriber.ANONYMOUS);
            return Mono.empty();
        }
        if (!(authorization instanceof String header) || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new JwtException("connection_init: Authorization is not a bearer token"));
        }
        return Mono.fromCallable(() -> jwtDecoder.getObject().decode(header.substring(BEARER.length()).strip()))
                .doOnNext(token -> session.getAttributes().put(Subscriber.CONTEXT_KEY, subscriber(token)))
                .doOnError(refused -> log.debug("A WebSocket connection presented a token that does not verify: {}",
                        refused.getMessage()))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest webSocket) {
            Object subscriber = webSocket.getSessionInfo().getAttributes().getOrDefault(Subscriber.CONTEXT_KEY,
                    Subscriber.ANONYMOUS);
            // GraphQL Java sends a subscription's events as their executions finish unless told to keep their
            // order: an event with more fields to load would let the next one overtake it
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(
                    Subscriber.CONTEXT_KEY, subscriber,
                    SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true)).build());
        }
        return chain.next(request);
    }

    private static Subscriber subscriber(Jwt token) {
        return new Subscriber(Actor.from(token), token.getExpiresAt());
    }
}
