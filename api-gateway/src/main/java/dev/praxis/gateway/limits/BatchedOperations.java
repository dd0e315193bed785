package dev.praxis.gateway.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch: a POST whose body is a JSON array of operations, as Apollo's and Relay's batching
 * clients send it. At most {@code praxis.graphql.max-batch-operations} are accepted; a larger
 * batch is refused whole with {@code TOO_MANY_OPERATIONS} before any of it runs. The operations
 * run one after the other, each through every limit and charged to the caller's budget like a
 * request of its own, and the answer is the array of their results, in order.
 */
@Component
class BatchedOperations {

    private final ObjectProvider<WebGraphQlHandler> handler;
    private final int maxOperations;
    private final JsonMapper json;

    BatchedOperations(ObjectProvider<WebGraphQlHandler> handler, LimitsProperties limits, JsonMapper json) {
        this.handler = handler;
        this.maxOperations = limits.maxBatchOperations();
        this.json = json;
    }

    void execute(HttpServletRequest request, byte[] body, HttpServletResponse response) throws IOException {
        List<?> operations;
        try {
            operations = json.readValue(body, List.class);
        }
        catch (JacksonException e) {
            refuse(response, "INVALID_REQUEST", "The body is not a JSON array of operations.");
            return;
        }
        if (operations.isEmpty() || operations.size() > maxOperations) {
            refuse(response, "TOO_MANY_OPERATIONS", "A batch holds 1 to " + maxOperations
                    + " operations; this one holds " + operations.size() + ".");
            return;
        }
        if (!operations.stream().allMatch(Map.class::isInstance)) {
            refuse(response, "INVALID_REQUEST", "Each operation of a batch is an object with a query.");
            return;
        }
        HttpHeaders headers = headersOf(request);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object operation : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) operation;
            WebGraphQlRequest single = new WebGraphQlRequest(URI.create(request.getRequestURL().toString()), headers,
                    new LinkedMultiValueMap<>(), new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()),
                    Map.of(), fields, UUID.randomUUID().toString(), request.getLocale());
            WebGraphQlResponse result = handler.getObject().handleRequest(single).block();
            results.add(result.toMap());
        }
        write(response, HttpServletResponse.SC_OK, results);
    }

    private static HttpHeaders headersOf(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private void refuse(HttpServletResponse response, String code, String message) throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST, Refusals.errorBody(ErrorType.BAD_REQUEST, code, message));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
