package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two query-service instances on one event store and one read database, as on Kubernetes with two
 * replicas: they share the projections (the questions projection by its four segments, the others
 * one projection each), each event is handled by exactly one of them,
 * a read on one waits for what the other projects, and when one is killed (SIGKILL: no chance to
 * release its claims) the other takes over its segments and misses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final String CLAIM_TIMEOUT = "3s";
    private static final Pattern QUESTION_ASKED = Pattern.compile(
            "praxis_projection_events_total\\{[^}]*event=\"QuestionAsked\"[^}]*processor=\"questions\"[^}]*} ([0-9.E]+)");

    // kept when the test fails: the services' logs are in logs/
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private LocalSystem system;
    private Process second;
    private String secondUrl;
    private GraphQlCaller api;
    private String alice;

    @BeforeAll
    void start() throws Exception {
        system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .serviceArgs(Service.QUERY, scaling("query-1"))
                .startupTimeout(Duration.ofMinutes(4))
                .build());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        secondUrl = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // the second instance runs as the local system runs the first
        command.addAll(LocalSystem.DEFAULT_JVM_ARGS);
        command.addAll(List.of("-jar", system.config().jars().jar(Service.QUERY).toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + system.jdbcUrl(),
                "--spring.datasource.username=" + system.jdbcUser(),
                "--spring.datasource.password=" + system.jdbcPassword(),
                "--spring.mongodb.uri=" + system.mongoUri()));
        command.addAll(List.of(scaling("query-2")));
        second = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("query-service-2.log").toFile())
                .start();
        await(Duration.ofMinutes(4), () -> status(secondUrl + "/actuator/health/readiness") == 200,
                "the second query service becomes ready");
        api = new GraphQlCaller(system.gatewayUrl());
        alice = api.signIn("alice", "Alice Adams");
    }

    private static String[] scaling(String nodeId) {
        return new String[] {"--praxis.query.scaling.node-id=" + nodeId,
                "--praxis.query.scaling.claim-timeout=" + CLAIM_TIMEOUT,
                "--praxis.query.scaling.balance-interval=500ms",
                // the questions projection split in four: the instances share its events too
                "--praxis.query.scaling.parallel.questions=4"};
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.destroyForcibly();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void twoInstancesShareTheProjectionsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        await(Duration.ofSeconds(90), this::shared, "the questions projection's 4 segments are shared 2 and 2,"
                + " and the single-segment projections between the two instances");
        System.out.println("Segments held: " + owners());

        String communityId = api.data(alice, """
                mutation { createCommunity(input: {name: "Scale-out guild", privilegePreset: TEAM}) { community { id } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        int first = 40;
        for (int i = 0; i < first; i++) {
            // the gateway reads from query-1 only: each answer (read back with the mutation's position)
            // also proves that query-1 waits for the segments that query-2 projects
            JsonNode question = api.data(alice, ask(), Map.of("c", communityId, "t", "Question number " + i + " of the first round"));
            assertThat(question.at("/askQuestion/question/title").asText()).isEqualTo("Question number " + i + " of the first round");
        }
        await(Duration.ofSeconds(20), () -> questionsAsked(system.queryUrl()) + questionsAsked(secondUrl) >= first,
                "both instances together handled every QuestionAsked");
        double byFirst = questionsAsked(system.queryUrl());
        double bySecond = questionsAsked(secondUrl);
        System.out.printf("QuestionAsked handled by query-1: %.0f, by query-2: %.0f (of %d)%n", byFirst, bySecond, first);
        assertThat(byFirst + bySecond).as("each event handled exactly once across the instances").isEqualTo(first);
        assertThat(byFirst).as("query-1 did a share").isPositive();
        assertThat(bySecond).as("query-2 did a share").isPositive();
        assertThat(questionCount(communityId)).isEqualTo(first);

        second.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        int then = 20;
        for (int i = 0; i < then; i++) {
            api.data(alice, ask(), Map.of("c", communityId, "t", "Question number " + i + " after the kill"));
        }
        await(Duration.ofSeconds(30), () -> owners().values().stream().allMatch(o -> o.keySet().equals(Set.of("query-1"))),
                "query-1 holds every segment");
        System.out.printf("query-1 took over and caught up %d ms after the kill (claim timeout %s)%n",
                (System.nanoTime() - killedAt) / 1_000_000, CLAIM_TIMEOUT);
        await(Duration.ofSeconds(20), () -> questionsAsked(system.queryUrl()) >= byFirst + then, "query-1 handled the new questions");
        assertThat(questionsAsked(system.queryUrl())).as("query-1 handled each new event once").isEqualTo(byFirst + then);
        assertThat(questionCount(communityId)).as("no event missed, none applied twice").isEqualTo(first + then);
        JsonNode page = api.data(alice, """
                query($c: ID!) { community(id: $c) { questions(first: 100) { totalCount nodes { title } } } }""",
                Map.of("c", communityId));
        assertThat(page.at("/community/questions/totalCount").asInt()).isEqualTo(first + then);
    }

    /** The split projection shared evenly, and each instance holding some of the others. */
    private boolean shared() {
        Map<String, Map<String, Integer>> owners = owners();
        if (!Map.of("query-1", 2, "query-2", 2).equals(owners.get("questions"))) {
            return false;
        }
        Map<String, Integer> projections = new HashMap<>();
        owners.forEach((processor, held) -> {
            if (!processor.equals("questions")) {
                held.keySet().forEach(node -> projections.merge(node, 1, Integer::sum));
            }
        });
        int others = owners.size() - 1;
        return projections.getOrDefault("query-1", 0) >= others / 2 && projections.getOrDefault("query-2", 0) >= others / 2;
    }

    private static String ask() {
        return """
                mutation($c: ID!, $t: String!) { askQuestion(input: {communityId: $c, title: $t,
                  body: "Which instance projects this one?", tags: ["scaling"]}) { question { id title } } }""";
    }

    private long questionCount(String communityId) {
        return api.data(alice, "query($c: ID!) { community(id: $c) { questionCount } }", Map.of("c", communityId))
                .at("/community/questionCount").asLong();
    }

    /** Per processor, how many segments each instance holds, as the shared token store says. */
    private Map<String, Map<String, Integer>> owners() {
        JsonNode processors = getJson(system.queryUrl() + "/processors").get("processors");
        Map<String, Map<String, Integer>> owners = new HashMap<>();
        for (JsonNode processor : processors) {
            Map<String, Integer> count = new HashMap<>();
            for (JsonNode segment : processor.get("segments")) {
                if (!segment.get("owner").isNull()) {
                    count.merge(segment.get("owner").asText(), 1, Integer::sum);
                }
            }
            owners.put(processor.get("name").asText(), count);
        }
        return owners;
    }

    /** The instance's count of QuestionAsked events handled by the questions projection. */
    private double questionsAsked(String baseUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = QUESTION_ASKED.matcher(response.body());
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String url) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
