package dev.praxis.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo seed against a gateway stand-in that refuses what the real command side refuses. */
class DemoSeedTest {

    @TempDir
    Path dataDir;

    private FakeGateway gateway;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void seedsALivingCommunityWithinTheRulesOfTheCommandSide() {
        String community = DemoSeed.ensureSeeded(dataDir, gateway.url());

        assertThat(community).isNotBlank();
        assertThat(gateway.tokensIssued).containsExactly("alice", "bob", "chen", "dana");
        assertThat(gateway.mutations)
                .containsOnlyOnce("createCommunity")
                .filteredOn("joinCommunity"::equals).hasSize(3);
        assertThat(gateway.mutations).containsOnlyOnce("changeMemberRole");
        assertThat(gateway.mutations).filteredOn("askQuestion"::equals).hasSizeBetween(4, 5);
        assertThat(gateway.mutations).filteredOn("postAnswer"::equals).hasSizeGreaterThanOrEqualTo(5);
        assertThat(gateway.mutations).filteredOn("acceptAnswer"::equals).isNotEmpty();
        assertThat(gateway.mutations).filteredOn("endorseAnswer"::equals).isNotEmpty();
        assertThat(gateway.votes).contains("UP", "DOWN");
    }

    @Test
    void seedsOnlyOnceAndRemembersTheCommunity() throws IOException {
        String community = DemoSeed.ensureSeeded(dataDir, gateway.url());
        int requests = gateway.requests();

        assertThat(DemoSeed.ensureSeeded(dataDir, gateway.url())).isEqualTo(community);
        assertThat(gateway.requests()).isEqualTo(requests);
        assertThat(Files.readString(dataDir.resolve("seeded")).strip()).isEqualTo(community);
        assertThat(DemoSeed.seededCommunity(dataDir)).hasValue(community);
    }

    @Test
    void aRefusedMutationFailsWithTheGraphQlErrorAndLeavesNoMarker() {
        GraphQlClient client = new GraphQlClient(URI.create(gateway.url() + "/graphql"), HttpClient.newHttpClient(),
                new ObjectMapper());

        assertThatThrownBy(() -> client.execute("mutation { vote(input: {postId: \"nope\", direction: UP}) { question { id } } }",
                Map.of(), "token-of-alice"))
                .isInstanceOf(GraphQlException.class)
                .hasMessage("GraphQL errors: [BAD_REQUEST] vote by alice: no such post");
        assertThat(DemoSeed.seededCommunity(dataDir)).isEmpty();
    }
}
