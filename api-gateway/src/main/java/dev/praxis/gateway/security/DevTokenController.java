package dev.praxis.gateway.security;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.api.shared.Limits;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token}: a bearer token for any member id, so that a developer can act as anyone
 * against a local stack, optionally with {@code "roles": ["auditor"]}. It exists only in the {@code local} profile.
 */
@RestController
@Profile("local")
class DevTokenController {

    /** Like the command side's ids: at most 64 characters, and no spaces or control characters. */
    private static final Pattern MEMBER_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,64}");

    private final LocalTokenIssuer issuer;

    DevTokenController(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** {@code roles}: optional, e.g. {@code ["auditor"]}; only roles Praxis knows. */
    record DevTokenRequest(String memberId, String name, List<String> roles) {
    }

    record DevTokenResponse(String token, String memberId) {
    }

    @PostMapping(LocalDevSecurityConfiguration.TOKEN_PATH)
    ResponseEntity<?> issue(@RequestBody DevTokenRequest request) {
        String memberId = request.memberId() == null ? "" : request.memberId().strip();
        if (!MEMBER_ID.matcher(memberId).matches()) {
            return ResponseEntity.badRequest().body(new ErrorBody("INVALID_INPUT", "INVALID_MEMBER_ID",
                    "memberId must have 1 to 64 characters and no spaces."));
        }
        String name = request.name() == null || request.name().isBlank() ? memberId : request.name().strip();
        if (name.codePointCount(0, name.length()) > Limits.DISPLAY_NAME_MAX) {
            return ResponseEntity.badRequest().body(new ErrorBody("INVALID_INPUT", "NAME_TOO_LONG",
                    "name must have at most " + Limits.DISPLAY_NAME_MAX + " characters."));
        }
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        if (roles.stream().anyMatch(role -> !Actor.AUDITOR.equals(role))) {
            return ResponseEntity.badRequest().body(new ErrorBody("INVALID_INPUT", "UNKNOWN_ROLE",
                    "roles may only hold \"" + Actor.AUDITOR + "\"."));
        }
        return ResponseEntity.ok(new DevTokenResponse(issuer.issue(memberId, name, roles).getTokenValue(), memberId));
    }
}
