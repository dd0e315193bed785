package dev.praxis.gateway.subscription;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-ws client (protocol {@code graphql-transport-ws}) on the JDK's own WebSocket: it sends
 * what the protocol's messages say and hands every message the server sends to the test, in order.
 */
final class GraphQlWsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private GraphQlWsClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(uri, new Listener()).join();
    }

    static GraphQlWsClient connect(URI uri) {
        return new GraphQlWsClient(uri);
    }

    /** Sends {@code connection_init} with the payload (a bearer token, or nothing). */
    void init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message from the server, other than a ping or pong. */
    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("No message from the server within " + timeout);
        }
        return message;
    }

    /** The close code the server closed the connection with. */
    int closeCode(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                String type = message.path("type").asString();
                if ("ping".equals(type)) {
                    webSocket.sendText("{\"type\":\"pong\"}", true);
                }
                else if (!"pong".equals(type)) {
                    received.add(message);
                }
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
