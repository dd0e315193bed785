package dev.praxis.gateway.audit;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.security.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /audit/export}: the events of a range of global positions ({@code from}, {@code to}), of
 * a time range ({@code fromTime}, {@code toTime}, ISO-8601 instants) or of one community
 * ({@code community}, its global or raw id) as NDJSON, streamed from the command service as it reads them.
 * Auditors only: 401 without a token, 403 ({@code AUDITORS_ONLY}) for a member without the role;
 * errors are {@code ErrorBody} JSON, like the internal API's.
 */
@RestController
class AuditExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditClient audit;
    private final JsonMapper json;

    AuditExportController(AuditClient audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String fromTime,
                             @RequestParam(required = false) String toTime,
                             @RequestParam(required = false) String community) {
        Viewer viewer = currentViewer();
        if (viewer.isAnonymous()) {
            return error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "AUTHENTICATION_REQUIRED",
                    "Sign in first: the export is for auditors.");
        }
        if (!viewer.auditor()) {
            return error(HttpStatus.FORBIDDEN, "FORBIDDEN", "AUDITORS_ONLY",
                    "The export is for auditors: a token with the auditor role.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            put(parameters, "from", position(from, "from"));
            put(parameters, "to", position(to, "to"));
            put(parameters, "fromTime", instant(fromTime, "fromTime"));
            put(parameters, "toTime", instant(toTime, "toTime"));
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "INVALID_RANGE", e.getMessage());
        }
        put(parameters, "community", community == null || community.isBlank() ? null : communityId(community.strip()));
        ClientHttpResponse upstream = audit.openExport(parameters);
        try {
            if (upstream.getStatusCode().isError()) {
                try (upstream) {
                    byte[] refusal = upstream.getBody().readAllBytes();
                    return ResponseEntity.status(upstream.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                            .body(out -> out.write(refusal));
                }
            }
        } catch (IOException e) {
            upstream.close();
            return error(HttpStatus.BAD_GATEWAY, "UNAVAILABLE", "EXPORT_FAILED", "The command service did not answer the export.");
        }
        StreamingResponseBody body = out -> {
            try (upstream; InputStream in = upstream.getBody()) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"praxis-events.ndjson\"")
                .body(body);
    }

    private static Viewer currentViewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Viewer.of(Actor.from(token.getToken()));
        }
        return Viewer.ANONYMOUS;
    }

    private ResponseEntity<StreamingResponseBody> error(HttpStatus status, String kind, String code, String message) {
        byte[] body = json.writeValueAsBytes(new ErrorBody(kind, code, message));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(out -> out.write(body));
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    /** A community's global id (as the GraphQL API gives it out) or its raw id. */
    private static String communityId(String id) {
        try {
            return GlobalId.rawId(id, NodeType.COMMUNITY);
        } catch (RuntimeException notAGlobalId) {
            return id;
        }
    }

    private static String position(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return Long.toString(position);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a global position: a decimal number from 0 on.");
        }
    }

    private static String instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }
}
