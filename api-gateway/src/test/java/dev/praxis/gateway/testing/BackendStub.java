package dev.praxis.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.RevisionView;
import dev.praxis.api.shared.CommandResult;
import dev.praxis.api.shared.ErrorBody;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server that plays the command and the query service for tests of the gateway alone:
 * it answers the internal API from views held in memory, records every request it receives, and
 * can be told to refuse the next requests of a route with an {@link ErrorBody}.
 */
public final class BackendStub implements AutoCloseable {

    /**
     * A request as the stub received it, with the route it matched, such as {@code POST /members/batch},
     * and the media types it accepts (its {@code Accept} header).
     */
    public record Request(String route, String path, Map<String, String> query, String body, String accept) {
    }

    private record Route(String method, Pattern path, String name) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", Pattern.compile("/commands/([^/]+)"), "POST /commands/{name}"),
            new Route("GET", Pattern.compile("/communities"), "GET /communities"),
            new Route("POST", Pattern.compile("/communities/batch"), "POST /communities/batch"),
            new Route("GET", Pattern.compile("/communities/([^/]+)/questions"), "GET /communities/{id}/questions"),
            new Route("GET", Pattern.compile("/communities/([^/]+)"), "GET /communities/{id}"),
            new Route("POST", Pattern.compile("/questions/batch"), "POST /questions/batch"),
            new Route("GET", Pattern.compile("/questions/([^/]+)"), "GET /questions/{id}"),
            new Route("POST", Pattern.compile("/answers/batch"), "POST /answers/batch"),
            new Route("POST", Pattern.compile("/members/batch"), "POST /members/batch"),
            new Route("GET", Pattern.compile("/members/([^/]+)"), "GET /members/{id}"),
            new Route("POST", Pattern.compile("/posts/revisions/batch"), "POST /posts/revisions/batch"));

    private static final ErrorBody NOT_FOUND = new ErrorBody("NOT_FOUND", "NOT_FOUND", "No such thing.");

    private final JsonMapper json = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CommunityView> communities = new ConcurrentHashMap<>();
    private final Map<String, QuestionView> questions = new ConcurrentHashMap<>();
    private final Map<String, AnswerView> answers = new ConcurrentHashMap<>();
    private final Map<String, MemberView> members = new ConcurrentHashMap<>();
    private final Map<String, List<RevisionView>> revisions = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private volatile long position = 41;

    private record Refusal(int status, ErrorBody body) {
    }

    private BackendStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static BackendStub start() {
        try {
            return new BackendStub();
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot start the backend stub", e);
        }
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Forgets the data, the recorded requests and the refusals; the next command is at position 42. */
    public void reset() {
        position = 41;
        requests.clear();
        communities.clear();
        questions.clear();
        answers.clear();
        members.clear();
        revisions.clear();
        refusals.clear();
        delays.clear();
    }

    public void add(CommunityView community) {
        communities.put(community.id(), community);
    }

    public void add(QuestionView question) {
        questions.put(question.id(), question);
    }

    public void add(AnswerView answer) {
        answers.put(answer.id(), answer);
    }

    public void add(MemberView member) {
        members.put(member.id(), member);
    }

    /** Adds a revision of its post, after those added before. */
    public void add(RevisionView revision) {
        revisions.computeIfAbsent(revision.postId(), id -> new CopyOnWriteArrayList<>()).add(revision);
    }

    /** Answers every request of {@code route} with {@code status} and {@code body} from now on. */
    public void refuse(String route, int status, ErrorBody body) {
        refusals.put(route, new Refusal(status, body));
    }

    /** Answers every request of {@code route} only after {@code delay}, as a slow service would. */
    public void delay(String route, Duration delay) {
        delays.put(route, delay);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The routes of the requests received so far, in order. */
    public List<String> routes() {
        return requests.stream().map(Request::route).toList();
    }

    public List<Request> requests(String route) {
        return requests.stream().filter(request -> request.route().equals(route)).toList();
    }

    public List<String> ids(Request batchRequest) {
        return json.readValue(batchRequest.body(), IdBatch.class).ids();
    }

    public <T> T body(Request request, Class<T> type) {
        return json.readValue(request.body(), type);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            for (Route route : ROUTES) {
                Matcher matcher = route.path().matcher(path);
                if (route.method().equals(exchange.getRequestMethod()) && matcher.matches()) {
                    requests.add(new Request(route.name(), path, query, body, exchange.getRequestHeaders().getFirst("Accept")));
                    pause(delays.get(route.name()));
                    Refusal refusal = refusals.get(route.name());
                    if (refusal != null) {
                        send(exchange, refusal.status(), refusal.body());
                    }
                    else {
                        String id = matcher.groupCount() > 0 ? decode(matcher.group(1)) : null;
                        answer(exchange, route.name(), id, query, body);
                    }
                    return;
                }
            }
            requests.add(new Request("UNKNOWN " + path, path, query, body, exchange.getRequestHeaders().getFirst("Accept")));
            send(exchange, 404, new ErrorBody("NOT_FOUND", "NO_ROUTE", "No route " + path));
        }
    }

    private void answer(HttpExchange exchange, String route, String id, Map<String, String> query, String body)
            throws IOException {
        switch (route) {
            case "POST /commands/{name}" -> send(exchange, 200, new CommandResult(List.of(), ++position));
            case "GET /communities" -> send(exchange, 200, page(newestFirst(communities.values(),
                    CommunityView::createdAt), query));
            case "POST /communities/batch" -> send(exchange, 200, found(communities, body));
            case "GET /communities/{id}/questions" -> {
                if (!communities.containsKey(id)) {
                    send(exchange, 404, NOT_FOUND);
                    return;
                }
                List<QuestionView> ofCommunity = questions.values().stream()
                        .filter(question -> question.communityId().equals(id)).toList();
                send(exchange, 200, page(newestFirst(ofCommunity, QuestionView::createdAt), query));
            }
            case "GET /communities/{id}" -> one(exchange, communities.get(id));
            case "POST /questions/batch" -> send(exchange, 200, found(questions, body));
            case "GET /questions/{id}" -> one(exchange, questions.get(id));
            case "POST /answers/batch" -> send(exchange, 200, found(answers, body));
            case "POST /members/batch" -> send(exchange, 200, found(members, body));
            case "GET /members/{id}" -> one(exchange, members.get(id));
            case "POST /posts/revisions/batch" -> send(exchange, 200, json.readValue(body, IdBatch.class).ids().stream()
                    .flatMap(post -> revisions.getOrDefault(post, List.of()).stream()).toList());
            default -> throw new IllegalStateException(route);
        }
    }

    private <T> List<T> found(Map<String, T> views, String body) {
        return json.readValue(body, IdBatch.class).ids().stream().map(views::get).filter(Objects::nonNull).toList();
    }

    private void one(HttpExchange exchange, Object view) throws IOException {
        if (view == null) {
            send(exchange, 404, NOT_FOUND);
        }
        else {
            send(exchange, 200, view);
        }
    }

    /** A page whose cursor is the index after its last item: enough for a stub, opaque to the gateway. */
    private static <T> Page<T> page(List<T> all, Map<String, String> query) {
        int first = Integer.parseInt(query.getOrDefault("first", "20"));
        int from = query.containsKey("after") ? Integer.parseInt(query.get("after").substring("at+".length())) : 0;
        List<T> items = all.subList(Math.min(from, all.size()), Math.min(from + first, all.size()));
        int next = from + items.size();
        return new Page<>(items, items.isEmpty() ? null : "at+" + next, next < all.size(), all.size());
    }

    private static <T> List<T> newestFirst(Collection<T> views, Function<T, Instant> time) {
        List<T> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparing(time).reversed());
        return sorted;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                query.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return query;
    }

    private static void pause(Duration delay) {
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
