package dev.praxis.gateway.protocol;

import dev.praxis.gateway.error.PraxisErrorType;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring for GraphQL's HTTP handler, with one more status code. As the GraphQL over HTTP
 * specification asks, a client that accepts {@code application/graphql-response+json} gets
 * 200 when the operation ran, 400 when it was refused before it ran, and here also 429 when
 * it was refused because the caller's budget is spent; a client that only accepts
 * {@code application/json} gets 200 for every well-formed request.
 */
class StatusAwareGraphQlHttpHandler extends GraphQlHttpHandler {

    StatusAwareGraphQlHttpHandler(WebGraphQlHandler handler) {
        super(handler);
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
        HttpStatus status = super.selectResponseStatus(response, responseMediaType);
        if (status == HttpStatus.BAD_REQUEST && MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(responseMediaType)
                && response.getErrors().stream().map(ResponseError::getErrorType)
                        .anyMatch(type -> PraxisErrorType.RATE_LIMITED.name().equals(String.valueOf(type)))) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return status;
    }
}
