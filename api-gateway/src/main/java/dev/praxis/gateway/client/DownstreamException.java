package dev.praxis.gateway.client;

import dev.praxis.api.shared.ErrorBody;

/**
 * A backend service refused a request or failed: its HTTP status and the {@link ErrorBody} it sent.
 * When the answer was not an {@code ErrorBody} (a proxy's error page, say), {@code error.kind()}
 * is null and only the status tells what happened.
 */
public class DownstreamException extends RuntimeException {

    private final String service;
    private final int status;
    private final transient ErrorBody error;

    public DownstreamException(String service, int status, ErrorBody error) {
        super(service + " answered " + status + " " + error.code() + ": " + error.message());
        this.service = service;
        this.status = status;
        this.error = error;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public ErrorBody error() {
        return error;
    }

    /** Whether the service said, in its own words, that the thing asked for does not exist. */
    public boolean isNotFound() {
        return "NOT_FOUND".equals(error.kind());
    }
}
