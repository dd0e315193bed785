package dev.praxis.gateway.client;

import dev.praxis.gateway.security.Actor;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the {@link Viewer} into every request's GraphQL context. It reads the verified token while
 * the request is still on the thread that authenticated it, before any field runs, so that no
 * later thread can read as someone else, or as nobody.
 */
@Component
class ViewerInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Viewer viewer = currentViewer();
        if (!viewer.isAnonymous()) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Viewer.contextKey(), viewer)).build());
        }
        return chain.next(request);
    }

    private static Viewer currentViewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Viewer.of(Actor.from(token.getToken()));
        }
        return Viewer.ANONYMOUS;
    }
}
