package dev.praxis.command.shared;

import dev.praxis.api.shared.Rejection;
import org.axonframework.common.AxonNonTransientException;

/**
 * A command refused by a domain rule. Non-transient, so that Axon never retries it; the HTTP layer
 * turns it into an {@code ErrorBody} with the kind, the code and the message.
 */
public class CommandRejectedException extends AxonNonTransientException {

    private final Rejection kind;
    private final String code;

    public CommandRejectedException(Rejection kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static CommandRejectedException invalid(String code, String message) {
        return new CommandRejectedException(Rejection.INVALID_INPUT, code, message);
    }

    public static CommandRejectedException notFound(String code, String message) {
        return new CommandRejectedException(Rejection.NOT_FOUND, code, message);
    }

    public static CommandRejectedException forbidden(String code, String message) {
        return new CommandRejectedException(Rejection.FORBIDDEN, code, message);
    }

    public static CommandRejectedException conflict(String code, String message) {
        return new CommandRejectedException(Rejection.CONFLICT, code, message);
    }

    public Rejection kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
