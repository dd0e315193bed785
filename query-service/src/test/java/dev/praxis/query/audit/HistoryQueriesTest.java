package dev.praxis.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.query.TestStores;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.shared.PraxisEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history endpoint over real HTTP, reading a real event store (embedded PostgreSQL with the
 * command service's migrations, the history indexes included) and judging access with the read
 * models (embedded MongoDB): auditors, members, non-members and anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.query.consistency-timeout=5s")
class HistoryQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static TestStores stores;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        stores = TestStores.start(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final Map<String, Long> sequences = new HashMap<>();
    private static boolean written;
    private static long head;
    private static final String OPEN = "open-" + UUID.randomUUID();
    private static final String SECRET = "secret-" + UUID.randomUUID();
    private static final String QUESTION = "q-" + UUID.randomUUID();
    private static final String ANSWER = "a-" + UUID.randomUUID();
    private static final String SECRET_QUESTION = "sq-" + UUID.randomUUID();

    @BeforeEach
    void history() {
        if (written) {
            return;
        }
        append(OPEN, new CommunityCreated(OPEN, "Open Guild", null, null, "alice", T0), 0);
        append(OPEN, new MemberJoinedCommunity(OPEN, "alice", "Alice", CommunityRole.OWNER, "alice", T0), 0);
        append(OPEN, new MemberJoinedCommunity(OPEN, "bob", "Bob", CommunityRole.MEMBER, "bob", T0), 1);
        append(QUESTION, new QuestionAsked(QUESTION, OPEN, "Which GC for low latency?", "Details.", List.of("jvm"), "alice", T0), 2);
        append(QUESTION, new AnswerPosted(QUESTION, ANSWER, OPEN, "ZGC.", "bob", T0), 3);
        append(QUESTION, new AnswerAccepted(QUESTION, ANSWER, OPEN, "bob", "alice", T0), 4);
        append("bob", new ProfileUpdated("bob", "Bob", "JVM tuner", List.of("jvm"), "bob", T0), 5);
        append(SECRET, new CommunityCreated(SECRET, "Secret Guild", null, null, "olga", T0), 6);
        append(SECRET, new MemberJoinedCommunity(SECRET, "olga", "Olga", CommunityRole.OWNER, "olga", T0), 6);
        append(SECRET, new MemberJoinedCommunity(SECRET, "bob", "Bob", CommunityRole.MEMBER, "bob", T0), 7);
        append(SECRET, new CommunityVisibilityChanged(SECRET, CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "olga", T0), 7);
        head = append(SECRET_QUESTION, new QuestionAsked(SECRET_QUESTION, SECRET, "Internal roadmap?", "Details.",
                List.of("plans"), "bob", T0), 8);
        written = true;
    }

    @Test
    void anAuditorReadsTheWholeHistoryPageByPageWithPayloadMetadataAndSummaries() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = get("/history?first=5&viewer=audra&viewerRole=auditor&minPosition=" + head
                    + (after == null ? "" : "&after=" + after));
            page.get("items").forEach(all::add);
            after = page.get("hasNextPage").asBoolean() ? page.get("endCursor").asText() : null;
            assertThat(page.get("totalCount").asLong()).isGreaterThanOrEqualTo(12);
            pages++;
        } while (after != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(all.stream().mapToLong(e -> e.get("position").asLong())).isSorted().doesNotHaveDuplicates();
        JsonNode accepted = all.stream().filter(e -> e.get("type").asText().endsWith("AnswerAccepted")).findFirst().orElseThrow();
        assertThat(accepted.get("summary").asText())
                .isEqualTo("2026-03-05T10:00:00Z alice: answer accepted (question " + QUESTION + ", answer " + ANSWER
                        + ", answer author bob) in community " + OPEN);
        assertThat(accepted.get("metadata").asText()).contains("correlationId");
        assertThat(JSON.readTree(accepted.get("payload").asText()).get("answerId").asText()).isEqualTo(ANSWER);
        assertThat(accepted.get("aggregateId").asText()).isEqualTo(QUESTION);
        assertThat(accepted.get("sequence").asLong()).isEqualTo(2);
        assertThat(all).anySatisfy(e -> assertThat(e.get("communityId").asText()).isEqualTo(SECRET));
    }

    @Test
    void aPostsHistoryIsItsOwnEventsAndAnAnswersOnlyItsOwn() throws Exception {
        JsonNode question = get("/history?post=" + QUESTION + "&minPosition=" + head);
        assertThat(types(question)).containsExactly("QuestionAsked", "AnswerPosted", "AnswerAccepted");
        assertThat(question.at("/items/0/metadata").isNull()).as("metadata is for auditors").isTrue();
        JsonNode answer = get("/history?post=" + ANSWER + "&viewer=carol");
        assertThat(types(answer)).containsExactly("AnswerPosted", "AnswerAccepted");
        JsonNode typed = get("/history?post=" + QUESTION + "&types=AnswerAccepted,dev.praxis.api.question.QuestionAsked");
        assertThat(types(typed)).containsExactly("QuestionAsked", "AnswerAccepted");
    }

    @Test
    void aPrivateCommunitysHistoryIsForItsMembersAndAuditorsOnly() throws Exception {
        assertError(send("/history?community=" + SECRET + "&minPosition=" + head), 404, "UNKNOWN_COMMUNITY");
        assertError(send("/history?community=" + SECRET + "&viewer=carol"), 404, "UNKNOWN_COMMUNITY");
        assertError(send("/history?post=" + SECRET_QUESTION + "&viewer=carol"), 404, "UNKNOWN_POST");
        assertThat(types(get("/history?community=" + SECRET + "&viewer=bob"))).contains("QuestionAsked");
        assertThat(types(get("/history?community=" + SECRET + "&viewer=carol&viewerRole=auditor")))
                .containsExactly("CommunityCreated", "MemberJoinedCommunity", "MemberJoinedCommunity",
                        "CommunityVisibilityChanged", "QuestionAsked");
        // the role opens the existing read paths too, read only
        assertThat(send("/questions/" + SECRET_QUESTION + "?viewer=carol").statusCode()).isEqualTo(404);
        assertThat(get("/questions/" + SECRET_QUESTION + "?viewer=carol&viewerRole=auditor").get("id").asText())
                .isEqualTo(SECRET_QUESTION);
        assertThat(send("/questions/" + SECRET_QUESTION + "?viewer=carol&viewerRole=admin").statusCode()).isEqualTo(404);
    }

    @Test
    void aMembersHistoryShowsOthersOnlyWhatTheyMayRead() throws Exception {
        List<String> byCarol = communities(get("/history?member=bob&viewer=carol&minPosition=" + head));
        assertThat(byCarol).isNotEmpty().containsOnly(OPEN);
        List<String> byBob = communities(get("/history?member=bob&viewer=bob"));
        assertThat(byBob).contains(OPEN, SECRET, "(none)"); // his own profile update names no community
        List<String> byAuditor = communities(get("/history?member=bob&viewer=carol&viewerRole=auditor"));
        assertThat(byAuditor).contains(OPEN, SECRET, "(none)");
    }

    @Test
    void aTimeRangeIsForAuditorsAndBadInputIsTyped() throws Exception {
        assertError(send("/history"), 403, "AUDITORS_ONLY");
        assertError(send("/history?viewer=bob&from=2026-03-01T00:00:00Z"), 403, "AUDITORS_ONLY");
        JsonNode range = get("/history?viewer=audra&viewerRole=auditor&from=2026-03-03T00:00:00Z&to=2026-03-05T00:00:00Z");
        assertThat(types(range)).containsExactly("QuestionAsked", "AnswerPosted");
        assertError(send("/history?post=" + QUESTION + "&after=abc"), 400, "INVALID_CURSOR");
        assertError(send("/history?post=" + QUESTION + "&first=0"), 400, "INVALID_PAGE_SIZE");
        assertError(send("/history?post=" + QUESTION + "&from=yesterday"), 400, "INVALID_TIME");
        assertError(send("/history?post=" + QUESTION + "&from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z"), 400,
                "INVALID_TIME_RANGE");
        assertError(send("/history?post=nope"), 404, "UNKNOWN_POST");
    }

    // ---- helpers

    /** Appends with the event recorded {@code days} days after T0, so that time ranges can pick events. */
    private long append(String aggregateId, PraxisEvent event, int days) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        storageEngine.appendEvents(new GenericDomainEventMessage<>("test", aggregateId, sequence, event,
                MetaData.with("correlationId", "c-" + sequence), UUID.randomUUID().toString(),
                T0.plusSeconds(86_400L * days)));
        try (var connection = stores.postgres().getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(e -> types.add(e.get("type").asText().substring(e.get("type").asText().lastIndexOf('.') + 1)));
        return types;
    }

    private static List<String> communities(JsonNode page) {
        List<String> communities = new ArrayList<>();
        page.get("items").forEach(e -> communities.add(e.get("communityId").isNull() ? "(none)" : e.get("communityId").asText()));
        return communities;
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path.replace(" ", "%20"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }

    @SuppressWarnings("unused")
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
