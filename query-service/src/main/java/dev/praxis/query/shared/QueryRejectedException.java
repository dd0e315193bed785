package dev.praxis.query.shared;

/** A read that cannot be answered as asked; it becomes an {@code ErrorBody} with the given status. */
public class QueryRejectedException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String code;

    public QueryRejectedException(int status, String kind, String code, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.code = code;
    }

    public static QueryRejectedException notFound(String code, String message) {
        return new QueryRejectedException(404, "NOT_FOUND", code, message);
    }

    public static QueryRejectedException invalid(String code, String message) {
        return new QueryRejectedException(400, "INVALID_INPUT", code, message);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
