package dev.praxis.e2e;

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

/** Talks to the gateway as a client app would: GraphQL over HTTP, bearer tokens from the dev sign-in. */
final class GraphQlCaller {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GraphQlCaller(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** A token for a member, from the local profile's development issuer. */
    String signIn(String memberId, String name) {
        JsonNode answer = post("/dev/token", JSON.createObjectNode().put("memberId", memberId).put("name", name), null);
        return answer.get("token").asText();
    }

    /** A token for a member with roles (such as {@code auditor}), from the local profile's development issuer. */
    String signIn(String memberId, String name, java.util.List<String> roles) {
        ObjectNode request = JSON.createObjectNode().put("memberId", memberId).put("name", name);
        roles.forEach(request.putArray("roles")::add);
        return post("/dev/token", request, null).get("token").asText();
    }

    /** A GET of the gateway as a signed-in caller (the auditors' export, say): the body as text. */
    String get(String token, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The whole GraphQL response: {@code data} and {@code errors}. */
    JsonNode call(String token, String document, Map<String, ?> variables) {
        ObjectNode body = JSON.createObjectNode().put("query", document);
        body.set("variables", JSON.valueToTree(variables));
        return post("/graphql", body, token);
    }

    /** The {@code data} of a call that must succeed. */
    JsonNode data(String token, String document, Map<String, ?> variables) {
        JsonNode response = call(token, document, variables);
        if (response.has("errors") && !response.get("errors").isEmpty()) {
            throw new AssertionError("GraphQL errors: " + response.get("errors"));
        }
        return response.get("data");
    }

    private JsonNode post(String path, JsonNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
