package dev.praxis.gateway.subscription;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.praxis.api.query.ChangePage;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.shared.ErrorBody;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the query service for subscription tests: {@code GET /changes} answers the pages (or
 * refusals) it was given, in order, and an empty page after a short wait when it has none; the
 * batch reads answer the views it holds. It records the query of every change-feed request.
 */
final class ChangeFeedStub implements AutoCloseable {

    record Answer(int status, Object body) {
    }

    private final JsonMapper json = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final HttpServer server;
    /** By topic: each test follows its own topic, so that a poll still in flight from an earlier test takes nothing of it. */
    private final Map<String, BlockingQueue<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Map<String, String>> polls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> views = new ConcurrentHashMap<>();

    ChangeFeedStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }


    void page(String topic, ChangePage page) {
        answersOf(topic).add(new Answer(200, page));
    }

    void refuse(String topic, int status, ErrorBody error) {
        answersOf(topic).add(new Answer(status, error));
    }

    private BlockingQueue<Answer> answersOf(String topic) {
        return answers.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>());
    }

    /** Views of a batch route ({@code /questions/batch}), by id. */
    void view(String batchPath, String id, Object view) {
        views.computeIfAbsent(batchPath, path -> new ConcurrentHashMap<>()).put(id, view);
    }

    /** The queries of the change-feed requests for a topic, in order. */
    List<Map<String, String>> polls(String topic) {
        return polls.stream().filter(poll -> topic.equals(poll.get("topic"))).toList();
    }

    List<Map<String, String>> polls() {
        return List.copyOf(polls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/changes")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                polls.add(query);
                Answer answer = answersOf(query.getOrDefault("topic", "")).poll(200, TimeUnit.MILLISECONDS);
                if (answer == null) {
                    long after = Long.parseLong(query.getOrDefault("after", "-1"));
                    answer = new Answer(200, new ChangePage(List.of(), after));
                }
                send(exchange, answer.status(), answer.body());
            }
            else if (path.endsWith("/batch") && views.containsKey(path)) {
                IdBatch batch = json.readValue(exchange.getRequestBody().readAllBytes(), IdBatch.class);
                send(exchange, 200, batch.ids().stream().map(views.get(path)::get).filter(Objects::nonNull).toList());
            }
            else {
                send(exchange, 404, new ErrorBody("NOT_FOUND", "NO_ROUTE", "No route " + path));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
