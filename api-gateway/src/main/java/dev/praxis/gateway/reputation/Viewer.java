package dev.praxis.gateway.reputation;

import dev.praxis.gateway.security.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in viewer's member id for {@code @BatchMapping} methods, which take no {@link Actor}
 * argument: read from the security context when the batch method is called (Spring for GraphQL
 * calls it with the request's context), null for an anonymous caller.
 */
final class Viewer {

    private Viewer() {
    }

    static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Actor.from(token.getToken()).id();
        }
        return null;
    }
}
