package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A minimal GraphQL-over-HTTP client: one POST per operation, JSON in and out. */
public final class GraphQlClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json;

    public GraphQlClient(URI endpoint, HttpClient http, ObjectMapper json) {
        this.endpoint = endpoint;
        this.http = http;
        this.json = json;
    }

    /**
     * Runs one operation and returns its {@code data}.
     *
     * @param bearerToken sent as {@code Authorization: Bearer ...}; {@code null} for an anonymous request
     * @throws GraphQlException when the response has {@code errors}, even alongside partial data:
     *                          a caller that ignored them would go on with half a result
     */
    public JsonNode execute(String document, Map<String, ?> variables, String bearerToken) {
        ObjectNode body = json.createObjectNode();
        body.put("query", document);
        body.set("variables", json.valueToTree(variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = send(request.build());
        JsonNode answer = parse(response);
        if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            throw new GraphQlException(answer.path("errors"));
        }
        if (response.statusCode() != 200 || !answer.has("data")) {
            throw new IllegalStateException("POST " + endpoint + " answered " + response.statusCode()
                    + " without data: " + abbreviate(response.body()));
        }
        return answer.path("data");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during POST " + endpoint, e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + endpoint + " answered " + response.statusCode()
                    + " with a body that is not JSON: " + abbreviate(response.body()), e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
