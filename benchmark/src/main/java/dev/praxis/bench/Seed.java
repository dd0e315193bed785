package dev.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data every measurement starts from, written through the public API as clients would: members
 * with dev tokens, one community they all joined, and one complete question thread (answers, votes,
 * an acceptance, a comment) whose events {@link EventCopies} multiplies.
 */
final class Seed {

    static final String CREATE_COMMUNITY = """
            mutation($name: String!, $description: String!, $key: String) {
              createCommunity(input: {idempotencyKey: $key, name: $name, description: $description, privilegePreset: TEAM}) { community { id } }
            }""";
    static final String JOIN = """
            mutation($communityId: ID!, $key: String) { joinCommunity(input: {idempotencyKey: $key, communityId: $communityId}) { community { id } } }""";
    static final String ASK = """
            mutation($communityId: ID!, $title: String!, $body: String!, $tags: [String!]!, $key: String) {
              askQuestion(input: {idempotencyKey: $key, communityId: $communityId, title: $title, body: $body, tags: $tags}) { question { id } }
            }""";
    static final String ANSWER = """
            mutation($questionId: ID!, $body: String!, $key: String) { postAnswer(input: {idempotencyKey: $key, questionId: $questionId, body: $body}) { answer { id } } }""";
    static final String VOTE_UP = """
            mutation($postId: ID!, $key: String) { vote(input: {idempotencyKey: $key, postId: $postId, direction: UP}) { question { id } } }""";
    static final String ACCEPT = """
            mutation($answerId: ID!, $key: String) { acceptAnswer(input: {idempotencyKey: $key, answerId: $answerId}) { answer { id } } }""";
    static final String COMMENT = """
            mutation($postId: ID!, $body: String!, $key: String) { addComment(input: {idempotencyKey: $key, postId: $postId, body: $body}) { comment { id } } }""";

    record Member(String id, String token) {
    }

    final List<Member> members = new ArrayList<>();
    String communityGlobalId;
    String communityId;
    String templateQuestionId;

    private final AtomicInteger seedCalls = new AtomicInteger();
    private final Http http;
    private final String gateway;

    Seed(Http http, String gatewayUrl) {
        this.http = http;
        this.gateway = gatewayUrl;
    }

    String graphqlUrl() {
        return gateway + "/graphql";
    }

    void run(int memberCount) throws IOException, InterruptedException {
        for (int i = 0; i < memberCount; i++) {
            String id = "bench-member-%02d".formatted(i);
            JsonNode token = http.post(gateway + "/dev/token", Map.of("memberId", id, "name", "Bench Member " + i), null);
            members.add(new Member(id, token.path("token").asText()));
        }
        communityGlobalId = seedCall(0, CREATE_COMMUNITY, Map.of("name", "Benchmark " + System.currentTimeMillis(),
                "description", "Where the benchmark asks, answers and votes.")).path("createCommunity").path("community").path("id").asText();
        communityId = rawId(communityGlobalId);
        // the members join side by side: one after the other, the read-your-writes waits add up
        ExecutorService joining = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> joins = new ArrayList<>();
            for (int i = 1; i < memberCount; i++) {
                int member = i;
                joins.add(joining.submit(() -> seedCall(member, JOIN, Map.of("communityId", communityGlobalId))));
            }
            for (Future<JsonNode> join : joins) {
                try {
                    join.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            joining.shutdownNow();
        }
        // the thread whose events the bulk data copies
        String question = seedCall(1, ASK, Map.of("communityId", communityGlobalId,
                "title", "How large should the batch of a tracking processor be?",
                "body", "We replay a million events into MongoDB and wonder what the batch size does to the speed. "
                        + "Does a larger batch mean fewer token updates, and what does it cost when a batch fails?",
                "tags", List.of("axon", "performance", "mongodb"))).path("askQuestion").path("question").path("id").asText();
        templateQuestionId = rawId(question);
        String accepted = seedCall(2, ANSWER, Map.of("questionId", question, "body",
                "The token is written once per batch, so a batch of a few hundred saves most of the token writes. "
                        + "A failed batch is retried as a whole, so keep every handler idempotent.")).path("postAnswer").path("answer").path("id").asText();
        String other = seedCall(3, ANSWER, Map.of("questionId", question, "body",
                "Measure it: the right size depends on how many writes each event causes in the read model.")).path("postAnswer").path("answer").path("id").asText();
        seedCall(4, VOTE_UP, Map.of("postId", question));
        seedCall(5, VOTE_UP, Map.of("postId", question));
        seedCall(6, VOTE_UP, Map.of("postId", accepted));
        seedCall(7, VOTE_UP, Map.of("postId", other));
        seedCall(1, ACCEPT, Map.of("answerId", accepted));
        try {
            seedCall(4, COMMENT, Map.of("postId", accepted, "body", "This matched what we measured on our replay."));
        } catch (IOException e) {
            System.err.println("The template thread has no comment: " + e.getMessage());
        }
    }

    /**
     * A seeding mutation, retried with the same idempotency key when it fails (the first calls of a
     * cold gateway on a busy machine can run into its request timeout); a retry changes nothing twice.
     */
    JsonNode seedCall(int member, String document, Map<String, ?> variables) throws IOException, InterruptedException {
        Map<String, Object> keyed = new java.util.HashMap<>(variables);
        keyed.put("key", "bench-seed-" + seedCalls.incrementAndGet());
        IOException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return http.graphql(graphqlUrl(), document, keyed, members.get(member).token());
            } catch (IOException e) {
                last = e;
                System.err.println("Seeding: attempt " + attempt + " failed, retrying: " + e.getMessage());
                Thread.sleep(2000L * attempt);
            }
        }
        throw last;
    }

    JsonNode call(int member, String document, Map<String, ?> variables) throws IOException, InterruptedException {
        return http.graphql(graphqlUrl(), document, variables, members.get(member).token());
    }

    /** The backend id inside a global id ({@code Type:rawId}, base64url). */
    static String rawId(String globalId) {
        String plain = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
        return plain.substring(plain.indexOf(':') + 1);
    }
}
