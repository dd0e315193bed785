package dev.praxis.gateway.security;

import dev.praxis.gateway.error.ClientErrorException;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Supplies the {@link Actor} argument of controller methods. A method that declares {@code Actor}
 * requires an authenticated caller: for an anonymous one it fails with {@code UNAUTHORIZED} before
 * the method runs, so no command can be sent on nobody's behalf. A method that declares
 * {@code Optional<Actor>} serves anonymous callers too.
 */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.nestedIfOptional().getNestedParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
        Optional<Actor> actor = currentActor();
        if (parameter.getParameterType() == Optional.class) {
            return actor;
        }
        return actor.orElseThrow(() -> ClientErrorException.unauthorized("AUTHENTICATION_REQUIRED",
                "Sign in first: this operation needs a bearer token."));
    }

    private static Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Optional.of(Actor.from(token.getToken()));
        }
        return Optional.empty();
    }
}
