package dev.praxis.gateway.subscription;

import dev.praxis.api.shared.ErrorBody;
import dev.praxis.gateway.client.DownstreamException;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.error.PraxisErrorType;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * A subscription's stream that ends in failure ends with a typed error (graphql-ws {@code error}
 * message): {@code extensions.classification} and {@code extensions.code}, as every error of the
 * API. Anything unexpected stays unresolved and reaches the client as an opaque internal error.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        if (exception instanceof ClientErrorException refused) {
            return error(refused.classification(), refused.code(), refused.getMessage());
        }
        if (exception instanceof DownstreamException downstream) {
            ErrorBody body = downstream.error();
            ErrorClassification classification = classify(body.kind());
            if (classification != null) {
                return error(classification, body.code(), body.message());
            }
            if (downstream.status() >= 502 && downstream.status() <= 504) {
                log.warn("A subscription ends: the {} stayed unavailable ({})", downstream.service(), downstream.getMessage());
                return error(PraxisErrorType.UNAVAILABLE, body.code(), "A Praxis service is unavailable; resume from your last cursor shortly.");
            }
            return null;
        }
        if (exception instanceof ResourceAccessException unreachable) {
            log.warn("A subscription ends: a backend service stayed unreachable ({})", unreachable.getMessage());
            return error(PraxisErrorType.UNAVAILABLE, "SERVICE_UNREACHABLE",
                    "A Praxis service cannot be reached; resume from your last cursor shortly.");
        }
        return null;
    }

    /** As the internal API documents {@code ErrorBody.kind}. */
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

    private static GraphQLError error(ErrorClassification classification, String code, String message) {
        return GraphqlErrorBuilder.newError().errorType(classification).message(message)
                .extensions(Map.of("code", code)).build();
    }
}
