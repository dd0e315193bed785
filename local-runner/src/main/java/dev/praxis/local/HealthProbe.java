package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot service's actuator whether it is up. */
final class HealthProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    /**
     * What the health endpoint says: {@code UP}, another status such as {@code DOWN}, or a short
     * reason why there was no answer (not listening yet, timeout).
     */
    String status(URI healthUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUrl)
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // A service that is down answers 503 with the same body shape, so read the body either way.
            JsonNode status = JSON.readTree(response.body()).path("status");
            return status.isTextual() ? status.asText() : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
    }
}
