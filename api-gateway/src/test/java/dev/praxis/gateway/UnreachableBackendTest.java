package dev.praxis.gateway;

import static dev.praxis.gateway.testing.GraphQlErrors.single;

import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With no backend service listening, reads and mutations fail as UNAVAILABLE, never as a crash. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("local")
class UnreachableBackendTest {

    @DynamicPropertySource
    static void nothingListens(DynamicPropertyRegistry properties) throws IOException {
        String nowhere = "http://127.0.0.1:" + freePort();
        properties.add("praxis.command-service.url", () -> nowhere);
        properties.add("praxis.query-service.url", () -> nowhere);
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    WebTestClient http;

    @Test
    void aReadIsUnavailable() {
        graphQl.document("query($id: ID!) { question(id: $id) { title } }")
                .variable("id", GlobalId.encode(NodeType.QUESTION, "q1"))
                .execute()
                .errors().satisfy(single("UNAVAILABLE", "SERVICE_UNREACHABLE"));
    }

    @Test
    void aMutationIsUnavailable() {
        String token = (String) http.post().uri("/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", "alice", "name", "Alice Adams"))
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token");

        graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build()
                .document("mutation { createCommunity(input: {name: \"Gardening\"}) { community { id } } }")
                .execute()
                .errors().satisfy(single("UNAVAILABLE", "SERVICE_UNREACHABLE"));
    }

    /** A port that was free a moment ago; nothing listens on it during the test. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
