package dev.praxis.gateway.error;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;

/**
 * A request that the gateway itself refuses before or instead of asking a backend service, with
 * the classification, the stable code and the sentence the caller receives.
 */
public class ClientErrorException extends RuntimeException {

    private final transient ErrorClassification classification;
    private final String code;

    public ClientErrorException(ErrorClassification classification, String code, String message) {
        super(message);
        this.classification = classification;
        this.code = code;
    }

    public static ClientErrorException badRequest(String code, String message) {
        return new ClientErrorException(ErrorType.BAD_REQUEST, code, message);
    }

    public static ClientErrorException notFound(String code, String message) {
        return new ClientErrorException(ErrorType.NOT_FOUND, code, message);
    }

    public static ClientErrorException unauthorized(String code, String message) {
        return new ClientErrorException(ErrorType.UNAUTHORIZED, code, message);
    }

    public ErrorClassification classification() {
        return classification;
    }

    public String code() {
        return code;
    }
}
