package dev.praxis.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A graphql-ws client (protocol {@code graphql-transport-ws}) on the JDK's WebSocket, as a browser
 * or mobile app would connect: {@code connection_init} with the bearer token in its payload, then
 * {@code subscribe} messages; every message the server sends is kept for the test, in order.
 */
final class GraphQlWsConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private GraphQlWsConnection(String gatewayUrl, String token) throws Exception {
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/graphql-ws");
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
        send(Map.of("type", "connection_init", "payload", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    /** Connects and sends {@code connection_init} (anonymous when the token is null); does not wait for the ack. */
    static GraphQlWsConnection open(String gatewayUrl, String token) throws Exception {
        return new GraphQlWsConnection(gatewayUrl, token);
    }

    /** Connects and waits for {@code connection_ack}. */
    static GraphQlWsConnection accepted(String gatewayUrl, String token) throws Exception {
        GraphQlWsConnection connection = open(gatewayUrl, token);
        JsonNode ack = connection.next(Duration.ofSeconds(10));
        if (!"connection_ack".equals(ack.path("type").asText())) {
            throw new AssertionError("expected connection_ack, got " + ack);
        }
        return connection;
    }

    void subscribe(String id, String query, Map<String, ?> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message, ping and pong aside. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message from the gateway within " + timeout);
        }
        return message;
    }

    /** The next message if one arrives within the time, else null. */
    JsonNode poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int closeCode(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(Map<String, ?> message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Drops the connection as a phone losing its network would: no {@code complete}, no goodbye. */
    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    String type = message.path("type").asText();
                    if ("ping".equals(type)) {
                        webSocket.sendText("{\"type\":\"pong\"}", true);
                    } else if (!"pong".equals(type)) {
                        received.add(message);
                    }
                } catch (JsonProcessingException e) {
                    closed.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
