package dev.praxis.gateway.security;

import dev.praxis.api.shared.Limits;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified member behind a request: the subject of their token and the name to show for them.
 * Commands take their {@code actorId} and {@code actorName} from here, never from arguments.
 */
public record Actor(String id, String displayName) {

    /**
     * The actor a bearer token names. The display name is the token's {@code name} claim, else its
     * {@code preferred_username}, else the subject; cut to the longest display name the command
     * side accepts, so that a long name at the identity provider cannot lock a member out.
     */
    public static Actor from(Jwt token) {
        String name = firstPresent(token.getClaimAsString("name"), token.getClaimAsString("preferred_username"),
                token.getSubject());
        return new Actor(token.getSubject(), cut(name, Limits.DISPLAY_NAME_MAX));
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
