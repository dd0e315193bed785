package dev.praxis.command.audit;

import dev.praxis.api.shared.ErrorBody;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The internal audit API, for the gateway, which admits only auditors to it:
 * {@code GET /audit/verify} recomputes the hash chain, {@code GET /audit/export} streams events as
 * NDJSON ({@link EventExport}). Both only read.
 */
@RestController
public class AuditController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final DataSource dataSource;

    public AuditController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/audit/verify")
    public VerificationReport verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to)
            throws SQLException {
        if ((from != null && from < 0) || (from != null && to != null && from > to)) {
            throw new InvalidAuditRequest("INVALID_RANGE", "Give a range of positions from 0 on whose end is not before its start.");
        }
        try (Connection connection = dataSource.getConnection()) {
            return new ChainVerifier(connection).verify(from, to);
        }
    }

    @GetMapping("/audit/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long from,
                                                        @RequestParam(required = false) Long to,
                                                        @RequestParam(required = false) String fromTime,
                                                        @RequestParam(required = false) String toTime,
                                                        @RequestParam(required = false) String community) {
        ExportSelection selection = new ExportSelection(from, to, instant(fromTime, "fromTime"), instant(toTime, "toTime"),
                community);
        String problem = selection.problem();
        if (problem != null) {
            throw new InvalidAuditRequest("INVALID_RANGE", problem);
        }
        StreamingResponseBody body = out -> {
            try (Connection connection = dataSource.getConnection()) {
                new EventExport(connection).export(selection, out);
            } catch (SQLException e) {
                throw new java.io.IOException("The export stopped: " + e.getMessage(), e);
            }
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"praxis-events.ndjson\"")
                .body(body);
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidAuditRequest("INVALID_TIME", name + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    @ExceptionHandler(InvalidAuditRequest.class)
    ResponseEntity<ErrorBody> invalid(InvalidAuditRequest e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody("INVALID_INPUT", e.code, e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> malformed(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody("INVALID_INPUT", "MALFORMED_REQUEST", e.getName() + " is not a whole number."));
    }

    static final class InvalidAuditRequest extends RuntimeException {
        private final String code;

        InvalidAuditRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
