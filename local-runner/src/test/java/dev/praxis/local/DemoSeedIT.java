package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first start: {@code ./praxis-local} on a fresh data directory seeds the demo community
 * through the real gateway, and every mutation of the seed must pass the command side's rules
 * ({@link DemoSeedTest} checks the seed against a stand-in that knows only some of them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeedIT {

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlClient graphql;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).build());
        graphql = new GraphQlClient(URI.create(system.gatewayUrl() + "/graphql"),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), new ObjectMapper());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aFreshStartSeedsTheDemoCommunityTheInstructionsQuery() {
        String community = DemoSeed.ensureSeeded(system.dataDir(), system.gatewayUrl());

        // the query the start-up instructions print, without a token, as they show it
        JsonNode page = graphql.execute(PraxisLocal.QUESTIONS_QUERY.formatted(community), Map.of(), null)
                .path("community");
        assertThat(page.path("name").asText()).isEqualTo(DemoSeed.COMMUNITY_NAME);
        assertThat(page.at("/questions/totalCount").asInt()).isBetween(4, 5);
        List<String> titles = new ArrayList<>();
        page.at("/questions/nodes").forEach(question -> titles.add(question.path("title").asText()));
        assertThat(titles).contains("How do I rename a field in an Axon event that is already stored?");

        String dana = new DevTokens(system.gatewayUrl(), HttpClient.newHttpClient(), new ObjectMapper())
                .issue("dana", "Dana Okafor");
        JsonNode memberships = graphql.execute("{ viewer { memberships { community { id } role } } }", Map.of(), dana)
                .at("/viewer/memberships");
        assertThat(memberships).hasSize(1);
        assertThat(memberships.get(0).at("/community/id").asText()).isEqualTo(community);
        assertThat(memberships.get(0).path("role").asText()).isEqualTo("MODERATOR");

        JsonNode threads = graphql.execute("""
                query($c: ID!) { community(id: $c) { questions(first: 10) { nodes {
                  answers { accepted endorsements { endorser { displayName } } } } } } }""",
                Map.of("c", community), null);
        List<String> endorsers = new ArrayList<>();
        int accepted = 0;
        for (JsonNode question : threads.at("/community/questions/nodes")) {
            for (JsonNode answer : question.path("answers")) {
                accepted += answer.path("accepted").asBoolean() ? 1 : 0;
                answer.path("endorsements").forEach(e -> endorsers.add(e.at("/endorser/displayName").asText()));
            }
        }
        assertThat(accepted).isGreaterThanOrEqualTo(1);
        assertThat(endorsers).containsExactly("Dana Okafor");

        // a second start finds the marker and seeds nothing
        assertThat(DemoSeed.ensureSeeded(system.dataDir(), system.gatewayUrl())).isEqualTo(community);
        assertThat(graphql.execute(PraxisLocal.QUESTIONS_QUERY.formatted(community), Map.of(), null)
                .at("/community/questions/totalCount").asInt()).isEqualTo(page.at("/questions/totalCount").asInt());
    }
}
