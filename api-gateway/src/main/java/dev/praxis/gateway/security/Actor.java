package dev.praxis.gateway.security;

import dev.praxis.api.shared.Limits;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified member behind a request: the subject of their token, the name to show for them and
 * the roles their token grants (its {@code roles} claim, an array of strings; {@value #AUDITOR} is
 * the only one Praxis knows: read-only access to all history, verification and export). Commands
 * take their {@code actorId} and {@code actorName} from here, never from arguments.
 */
public record Actor(String id, String displayName, Set<String> roles) {

    /** The role of auditors, in a token's {@code roles} claim. */
    public static final String AUDITOR = "auditor";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A member without roles. */
    public Actor(String id, String displayName) {
        this(id, displayName, Set.of());
    }

    /** Whether the token makes them an auditor. */
    public boolean isAuditor() {
        return roles.contains(AUDITOR);
    }

    /**
     * The actor a bearer token names. The display name is the token's {@code name} claim, else its
     * {@code preferred_username}, else the subject; cut to the longest display name the command
     * side accepts, so that a long name at the identity provider cannot lock a member out.
     */
    public static Actor from(Jwt token) {
        String name = firstPresent(token.getClaimAsString("name"), token.getClaimAsString("preferred_username"),
                token.getSubject());
        return new Actor(token.getSubject(), cut(name, Limits.DISPLAY_NAME_MAX), roles(token));
    }

    /** The {@code roles} claim's strings; a claim of another shape grants nothing. */
    private static Set<String> roles(Jwt token) {
        Object claim = token.getClaims().get("roles");
        if (claim instanceof List<?> list) {
            return Set.copyOf(list.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
        return Set.of();
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }

    private static String cut(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints)).strip();
    }
}
