package dev.praxis.command.web;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.api.shared.Rejection;
import dev.praxis.command.shared.CommandRejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal becomes an {@link ErrorBody}; nothing leaks a stack trace to the caller. */
@RestControllerAdvice
public class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    @ExceptionHandler(CommandRejectedException.class)
    ResponseEntity<ErrorBody> rejected(CommandRejectedException e) {
        return answer(e.kind(), e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<ErrorBody> invalid(InvalidCommandException e) {
        return answer(e.kind(), e.code(), e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ErrorBody> execution(CommandExecutionException e) {
        if (e.getCause() instanceof CommandRejectedException rejected) {
            return rejected(rejected);
        }
        return unexpected(e);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ErrorBody> unreadable(Exception e) {
        return answer(Rejection.INVALID_INPUT, "MALFORMED_REQUEST", "The request could not be read: send a JSON object.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Command failed unexpectedly", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorBody("INTERNAL", "INTERNAL_ERROR", "The command could not be processed; nothing was changed."));
    }

    static ResponseEntity<ErrorBody> answer(Rejection kind, String code, String message) {
        HttpStatus status = switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(new ErrorBody(kind.name(), code, message));
    }
}
