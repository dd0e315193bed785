package dev.praxis.command.web;

import dev.praxis.api.shared.Rejection;

/** A request that never became a command: unknown name, malformed JSON, no actor. */
public class InvalidCommandException extends RuntimeException {

    private final Rejection kind;
    private final String code;

    public InvalidCommandException(Rejection kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    static InvalidCommandException invalid(String code, String message) {
        return new InvalidCommandException(Rejection.INVALID_INPUT, code, message);
    }

    public Rejection kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
