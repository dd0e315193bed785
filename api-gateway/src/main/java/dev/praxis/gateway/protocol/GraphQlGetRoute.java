package dev.praxis.gateway.protocol;

import dev.praxis.gateway.limits.CallerLimits;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ServletException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over GET, as the GraphQL over HTTP specification describes them: {@code query},
 * {@code operationName}, and {@code variables} and {@code extensions} as JSON, in the URL. A GET is
 * cacheable by browsers and CDNs, and with a persisted query's hash in {@code extensions} the URL
 * stays short. A mutation is never run over GET: the answer is 405 with {@code Allow: POST} (and a
 * persisted mutation sent by its hash alone is refused with {@code GET_ONLY_FOR_QUERIES}).
 *
 * <p>The request is handed to the same handler as a POST, so it meets the same limits and answers
 * with the same media types and status codes.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(GraphQlProperties graphQl, GraphQlHttpHandler handler, JsonMapper json) {
        return RouterFunctions.route().GET(graphQl.getHttp().getPath(), request -> handle(request, handler, json)).build();
    }

    private static ServerResponse handle(ServerRequest request, GraphQlHttpHandler handler, JsonMapper json)
            throws ServletException {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            request.param("query").ifPresent(query -> body.put("query", query));
            request.param("operationName").filter(name -> !name.isEmpty())
                    .ifPresent(name -> body.put("operationName", name));
            putJson(body, "variables", request.param("variables").orElse(null), json);
            putJson(body, "extensions", request.param("extensions").orElse(null), json);
        }
        catch (JacksonException e) {
            return refuse(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "variables and extensions must be JSON objects.", json);
        }
        if (isMutation((String) body.get("query"), (String) body.get("operationName"))) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(errorBody("GET_ONLY_FOR_QUERIES",
                            "Send a mutation as a POST: GET is only for queries.")));
        }
        ServerRequest asPost = ServerRequest.from(request)
                .method(HttpMethod.POST)
                .headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .attribute(CallerLimits.VIA_GET_ATTRIBUTE, true)
                .body(json.writeValueAsBytes(body))
                .build();
        return handler.handleRequest(asPost);
    }

    private static void putJson(Map<String, Object> body, String name, String value, JsonMapper json) {
        if (value != null && !value.isBlank()) {
            body.put(name, json.readValue(value, Map.class));
        }
    }

    /** Whether the operation the request selects is a mutation; a document that does not parse is left to GraphQL. */
    private static boolean isMutation(String query, String operationName) {
        if (query == null) {
            return false;
        }
        Document document;
        try {
            document = Parser.parse(query);
        }
        catch (InvalidSyntaxException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(operation -> operationName == null ? operations.size() == 1 : operationName.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
    }

    private static ServerResponse refuse(HttpStatus status, String code, String message, JsonMapper json) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(errorBody(code, message)));
    }

    private static Map<String, Object> errorBody(String code, String message) {
        return Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("classification", ErrorType.BAD_REQUEST.name(), "code", code))));
    }
}
