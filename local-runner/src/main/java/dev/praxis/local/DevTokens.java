package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Gets tokens from the gateway's development login ({@code POST /dev/token}, only served with
 * the {@code local} profile), so the demo data is written by members acting under their own names.
 */
final class DevTokens {

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json;

    DevTokens(String gatewayUrl, HttpClient http, ObjectMapper json) {
        this.endpoint = URI.create(gatewayUrl + "/dev/token");
        this.http = http;
        this.json = json;
    }

    String issue(String memberId, String name) {
        try {
            String body = json.writeValueAsString(Map.of("memberId", memberId, "name", name));
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + endpoint + " for " + memberId + " answered "
                        + response.statusCode() + ": " + GraphQlClient.abbreviate(response.body())
                        + " (is the gateway running with the 'local' profile?)");
            }
            JsonNode token = json.readTree(response.body()).path("token");
            if (!token.isTextual() || token.asText().isEmpty()) {
                throw new IllegalStateException("POST " + endpoint + " answered without a token: "
                        + GraphQlClient.abbreviate(response.body()));
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during POST " + endpoint, e);
        }
    }
}
