package dev.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/** JSON over HTTP/1.1 with the JDK client; any answer but 2xx, or GraphQL errors, is an exception. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true);
                return t;
            }))
            .build();

    JsonNode get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    String getText(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    JsonNode post(String url, Object body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** A GraphQL operation's {@code data}; errors, even beside data, fail it. */
    JsonNode graphql(String url, String document, Map<String, ?> variables, String bearer)
            throws IOException, InterruptedException {
        JsonNode answer = post(url, Map.of("query", document, "variables", variables), bearer);
        if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            throw new IOException("GraphQL errors: " + abbreviate(answer.path("errors").toString()));
        }
        return answer.path("data");
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
