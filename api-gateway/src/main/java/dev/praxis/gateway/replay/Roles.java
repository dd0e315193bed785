package dev.praxis.gateway.replay;

import dev.praxis.gateway.error.ClientErrorException;
import java.util.List;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The roles of the caller's bearer token (its {@code roles} claim, an array of strings) that the
 * replay features rely on: {@code operator} (may start replays and follow them) and {@code auditor}
 * (may follow replays and compare reputation under other rules in any community; read only).
 */
final class Roles {

    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";

    private Roles() {
    }

    /** The caller's roles; none for an anonymous caller or a token without the claim. */
    static List<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            try {
                List<String> roles = token.getToken().getClaimAsStringList("roles");
                return roles == null ? List.of() : roles;
            } catch (RuntimeException notAList) {
                return List.of();
            }
        }
        return null;
    }

    static boolean has(String role) {
        List<String> roles = current();
        return roles != null && roles.contains(role);
    }

    /** Refuses a caller who holds none of the roles: UNAUTHORIZED when anonymous, FORBIDDEN otherwise. */
    static void require(String what, String... anyOf) {
        List<String> roles = current();
        if (roles == null) {
            throw ClientErrorException.unauthorized("AUTHENTICATION_REQUIRED", "Sign in first: this operation needs a bearer token.");
        }
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new ClientErrorException(ErrorType.FORBIDDEN, "ROLE_REQUIRED",
                what + " needs the role " + String.join(" or ", anyOf) + " in the bearer token's roles claim.");
    }
}
