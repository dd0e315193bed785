package dev.praxis.gateway.error;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.client.DownstreamException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Turns the gateway's own refusals and the backend services' {@link ErrorBody} answers into typed
 * GraphQL errors: {@code extensions.classification} says what kind of failure it is,
 * {@code extensions.code} which one, and the message says it in words.
 *
 * <p>A failure that is nobody's input error is masked: the caller gets an {@code INTERNAL_ERROR}
 * with code {@code INTERNAL} and an {@code extensions.errorId}, never a stack trace or an internal
 * message; the log has the whole failure under {@code errorId=<the same id>}, so that support can
 * find it from what the caller quotes. Spring Security's refusals are left to its own resolver.
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
            GraphQLError error = fromDownstream(downstream, environment);
            return error != null ? error : masked(exception, environment);
        }
        if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException) {
            return null;
        }
        if (exception instanceof ResourceAccessException unreachable) {
            log.warn("A backend service could not be reached: {} ({})", unreachable.getMessage(),
                    unreachable.getMostSpecificCause().toString());
            return error(environment, PraxisErrorType.UNAVAILABLE, "SERVICE_UNREACHABLE",
                    "A Praxis service cannot be reached; please try again shortly.");
        }
        return masked(exception, environment);
    }

    /** An unexpected failure: logged whole under a fresh error id, answered with that id alone. */
    private static GraphQLError masked(Throwable exception, DataFetchingEnvironment environment) {
        String errorId = UUID.randomUUID().toString();
        log.error("errorId={} executionId={} path={}: unexpected failure", errorId, environment.getExecutionId(),
                environment.getExecutionStepInfo().getPath(), exception);
        return GraphqlErrorBuilder.newError(environment)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Something went wrong on our side. If it persists, quote error id " + errorId + ".")
                .extensions(Map.of("code", "INTERNAL", "errorId", errorId))
                .build();
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
        // Anything else is a fault on our side (a wrong route, a broken service), not the caller's.
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
