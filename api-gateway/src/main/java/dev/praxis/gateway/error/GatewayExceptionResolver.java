package dev.praxis.gateway.error;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.client.DownstreamException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Turns the gateway's own refusals and the backend services' {@link ErrorBody} answers into typed
 * GraphQL errors: {@code extensions.classification} says what kind of failure it is,
 * {@code extensions.code} which one, and the message says it in words. A failure that is nobody's
 * input error stays unresolved here, so Spring for GraphQL answers it as an opaque
 * {@code INTERNAL_ERROR}: no stack trace or internal detail reaches the caller.
 */
@Component
class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof ClientErrorException refused) {
            return error(environment, refused.classification(), refused.code(), refused.getMessage());
        }
        if (exception instanceof DownstreamException downstream) {
            return fromDownstream(downstream, environment);
        }
        if (exception instanceof ResourceAccessException unreachable) {
            log.warn("A backend service could not be reached: {} ({})", unreachable.getMessage(),
                    unreachable.getMostSpecificCause().toString());
            return error(environment, PraxisErrorType.UNAVAILABLE, "SERVICE_UNREACHABLE",
                    "A Praxis service cannot be reached; please try again shortly.");
        }
        return null;
    }

    private GraphQLError fromDownstream(DownstreamException downstream, DataFetchingEnvironment environment) {
        ErrorBody body = downstream.error();
        ErrorClassification classification = classify(body.kind());
        if (classification != null) {
            return error(environment, classification, body.code(), body.message());
        }
        if (downstream.status() == 502 || downstream.status() == 503 || downstream.status() == 504) {
            log.warn("The {} is unavailable: {}", downstream.service(), downstream.getMessage());
            return error(environment, PraxisErrorType.UNAVAILABLE, body.code(),
                    "A Praxis service is unavailable; please try again shortly.");
        }
        // Anything else is a fault on our side (a wrong route, a broken service), not the caller's:
        // left unresolved, Spring for GraphQL logs it with its execution id and answers INTERNAL_ERROR.
        return null;
    }

    /** The classification of a downstream {@code ErrorBody.kind}, as the internal API documents it. */
    private static ErrorClassification classify(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "INVALID_INPUT" -> ErrorType.BAD_REQUEST;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "CONFLICT" -> PraxisErrorType.CONFLICT;
            case "UNAVAILABLE" -> PraxisErrorType.UNAVAILABLE;
            default -> null;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorClassification classification,
            String code, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .errorType(classification)
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }
}
