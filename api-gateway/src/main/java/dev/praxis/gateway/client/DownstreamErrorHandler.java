package dev.praxis.gateway.client;

import dev.praxis.api.shared.ErrorBody;
import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns every error answer of a backend service into a {@link DownstreamException}. */
final class DownstreamErrorHandler implements RestClient.ResponseSpec.ErrorHandler {

    private final String service;
    private final JsonMapper json;

    DownstreamErrorHandler(String service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public void handle(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        throw new DownstreamException(service, status, errorBody(response.getBody().readAllBytes(), status));
    }

    private ErrorBody errorBody(byte[] body, int status) {
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            if (error != null && error.kind() != null) {
                return error;
            }
        }
        catch (JacksonException notAnErrorBody) {
            // Not the contract's error format: fall through and describe the answer by its status.
        }
        return new ErrorBody(null, "HTTP_" + status, "The " + service + " answered with HTTP status " + status + ".");
    }
}
