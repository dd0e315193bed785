package dev.praxis.local;

/** The local system could not do what was asked; the message says what, and how to fix it where we know. */
public class LocalSystemException extends RuntimeException {

    public LocalSystemException(String message) {
        super(message);
    }

    public LocalSystemException(String message, Throwable cause) {
        super(message, cause);
    }
}
