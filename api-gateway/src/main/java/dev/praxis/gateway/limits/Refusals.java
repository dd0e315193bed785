package dev.praxis.gateway.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/** The errors of a request refused by a limit: typed like every other error of the API. */
final class Refusals {

    private Refusals() {
    }

    static AbortExecutionException badRequest(String code, String message) {
        return abort(ErrorType.BAD_REQUEST, code, message);
    }

    static AbortExecutionException abort(ErrorClassification classification, String code, String message) {
        return new AbortExecutionException(List.of(error(classification, code, message)));
    }

    static GraphQLError error(ErrorClassification classification, String code, String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(classification)
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }

    /** The JSON form of one such error, for answers written before GraphQL Java is involved. */
    static Map<String, Object> errorBody(ErrorClassification classification, String code, String message) {
        return Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("classification", classification.toString(), "code", code))));
    }
}
