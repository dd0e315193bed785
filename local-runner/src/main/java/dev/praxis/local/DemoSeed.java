package dev.praxis.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a fresh local installation a small, living community to look at: members (one of them a
 * moderator), a community,
 * questions with answers, votes, an accepted answer and an endorsement. Everything goes through
 * the public GraphQL API with each member's own dev token, exactly as a client would do it, so the
 * events, projections and read models are the real ones.
 *
 * <p>It runs once per data directory: the marker file {@value #MARKER} is written after the seed
 * succeeded and holds the community's id, which later starts print in their example query.
 */
final class DemoSeed {

    static final String MARKER = "seeded";
    static final String COMMUNITY_NAME = "Java Practitioners";

    // Variables are declared with built-in scalar types only and the input objects are built inline,
    // so these documents depend on the schema's field names and not on the names of its input types.
    private static final String CREATE_COMMUNITY = """
            mutation SeedCommunity($name: String!, $description: String!) {
              createCommunity(input: {name: $name, description: $description, privilegePreset: TEAM}) { community { id } }
            }""";
    private static final String JOIN_COMMUNITY = """
            mutation SeedJoin($communityId: ID!) {
              joinCommunity(input: {communityId: $communityId}) { community { id } member { id } }
            }""";
    private static final String MAKE_MODERATOR = """
            mutation SeedModerator($communityId: ID!, $memberId: ID!) {
              changeMemberRole(input: {communityId: $communityId, memberId: $memberId, role: MODERATOR}) { member { role } }
            }""";
    private static final String ASK_QUESTION = """
            mutation SeedQuestion($communityId: ID!, $title: String!, $body: String!, $tags: [String!]!) {
              askQuestion(input: {communityId: $communityId, title: $title, body: $body, tags: $tags}) { question { id } }
            }""";
    private static final String POST_ANSWER = """
            mutation SeedAnswer($questionId: ID!, $body: String!) {
              postAnswer(input: {questionId: $questionId, body: $body}) { answer { id } }
            }""";
    private static final String VOTE = """
            mutation SeedVote($postId: ID!) {
              vote(input: {postId: $postId, direction: %s}) { question { id } }
            }""";
    private static final String ACCEPT_ANSWER = """
            mutation SeedAccept($answerId: ID!) {
              acceptAnswer(input: {answerId: $answerId}) { answer { id } }
            }""";
    private static final String ENDORSE_ANSWER = """
            mutation SeedEndorse($answerId: ID!, $note: String!) {
              endorseAnswer(input: {answerId: $answerId, note: $note}) { answer { id } }
            }""";

    private enum Direction { UP, DOWN }

    /** A member of the demo, acting with the token the gateway issued for it. */
    private record Member(String id, String name, String token) {
    }

    private final GraphQlClient graphql;
    private final DevTokens tokens;

    DemoSeed(GraphQlClient graphql, DevTokens tokens) {
        this.graphql = graphql;
        this.tokens = tokens;
    }

    /**
     * The demo community's id: read from the marker when this data directory was seeded before,
     * otherwise seeded now through the gateway at {@code gatewayUrl}.
     */
    static String ensureSeeded(Path dataDir, String gatewayUrl) {
        Path marker = dataDir.resolve(MARKER);
        Optional<String> seeded = seededCommunity(dataDir);
        if (seeded.isPresent()) {
            return seeded.get();
        }
        // HTTP/1.1: the services do not speak cleartext HTTP/2, so the upgrade attempt would be wasted.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper json = new ObjectMapper();
        String communityId = new DemoSeed(new GraphQlClient(URI.create(gatewayUrl + "/graphql"), http, json),
                new DevTokens(gatewayUrl, http, json)).run();
        try {
            Files.writeString(marker, communityId + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Seeded the demo, but cannot write " + marker
                    + "; the next start would seed it again", e);
        }
        return communityId;
    }

    /** The community seeded into this data directory, if it was. */
    static Optional<String> seededCommunity(Path dataDir) {
        Path marker = dataDir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip()).filter(id -> !id.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + marker, e);
        }
    }

    /** Seeds the community and returns its id. */
    String run() {
        Member alice = member("alice", "Alice Adams");
        Member bob = member("bob", "Bob Brennan");
        Member chen = member("chen", "Chen Wei");
        Member dana = member("dana", "Dana Okafor");

        String community = id(graphql.execute(CREATE_COMMUNITY, Map.of(
                "name", COMMUNITY_NAME,
                "description", "Practitioners sharing what works on the JVM: Spring, event sourcing with Axon,"
                        + " performance and operations. Ask about what you are building; answer from what you ran."),
                alice.token()), "createCommunity", "community");
        Map<Member, String> memberIds = new HashMap<>();
        for (Member member : List.of(bob, chen, dana)) {
            memberIds.put(member, id(graphql.execute(JOIN_COMMUNITY, Map.of("communityId", community), member.token()),
                    "joinCommunity", "member"));
        }
        // Dana moderates: only moderators, the owner and members with a tag score of at least ten
        // (votes on their answers in the question's tags) may endorse an answer, and she endorses below.
        graphql.execute(MAKE_MODERATOR, Map.of("communityId", community, "memberId", memberIds.get(dana)), alice.token());

        String upcasting = ask(alice, community, "How do I rename a field in an Axon event that is already stored?",
                """
                Our `OrderPlaced` event has a field `customer` that we want to call `customerId`. There are
                about two million of these events in the event store already, and we **cannot** rewrite them.

                What is the recommended way to do this in Axon 4? I have seen `@Revision` mentioned, but I am
                not sure how it fits together with upcasters and the `JacksonSerializer`.
                """, List.of("axon", "event-sourcing", "upcasting"));
        String upcasterAnswer = answer(bob, upcasting, """
                Give the event class a new revision and register an upcaster that rewrites the old
                payload while it is read. The stored events stay as they are.

                ```java
                @Revision("2")
                public record OrderPlaced(String orderId, String customerId) { }
                ```

                ```java
                public class OrderPlacedUpcaster extends SingleEventUpcaster {
                    private static final SimpleSerializedType V1 =
                            new SimpleSerializedType(OrderPlaced.class.getName(), null);

                    @Override
                    protected boolean canUpcast(IntermediateEventRepresentation event) {
                        return event.getType().equals(V1);
                    }

                    @Override
                    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
                        return event.upcastPayload(
                                new SimpleSerializedType(V1.getName(), "2"), JsonNode.class, payload -> {
                                    ObjectNode node = (ObjectNode) payload;
                                    node.set("customerId", node.remove("customer"));
                                    return node;
                                });
                    }
                }
                ```

                Register it as a bean and the processors and aggregates only ever see revision 2.
                """);
        String jsonAliasAnswer = answer(chen, upcasting, """
                If the rename is the only change, `@JsonAlias("customer")` on the new field also works
                with the `JacksonSerializer`. It is less explicit than an upcaster, though: nothing in the
                event store tells an auditor later that the shape changed, so I would only use it for
                events that are not part of a public contract.
                """);
        vote(chen, upcasting, Direction.UP);
        vote(dana, upcasting, Direction.UP);
        vote(alice, upcasterAnswer, Direction.UP);
        vote(dana, upcasterAnswer, Direction.UP);
        vote(alice, jsonAliasAnswer, Direction.UP);
        accept(alice, upcasterAnswer);
        endorse(dana, upcasterAnswer, "We run exactly this in production for three event types; replays stay fast.");

        String profiles = ask(bob, community, "Why does Spring Boot ignore my application-local.yml?",
                """
                I have `src/main/resources/application-local.yml` with a different datasource URL, but the app
                still connects to the default one. I start it with:

                ```
                java -jar app.jar --spring.profile=local
                ```

                Is there something else I need to enable?
                """, List.of("spring-boot", "configuration"));
        String profilesAnswer = answer(dana, profiles, """
                The property is `spring.profiles.active` (plural, with `.active`). Spring Boot silently
                accepts unknown properties, so the typo goes unnoticed:

                ```
                java -jar app.jar --spring.profiles.active=local
                ```

                The startup log tells you what it picked: look for
                `The following 1 profile is active: "local"`.
                """);
        vote(alice, profiles, Direction.UP);
        vote(chen, profilesAnswer, Direction.UP);
        vote(bob, profilesAnswer, Direction.UP);
        accept(bob, profilesAnswer);

        String oomKilled = ask(chen, community, "Container is OOM-killed although -Xmx is well below the memory limit",
                """
                Our service runs with `-Xmx768m` in a container limited to 1 GiB, and Kubernetes kills it
                with `OOMKilled` every few hours. The heap graphs never go above 700 MB.

                - JDK 17, Spring Boot, about 200 threads
                - no `-XX:MaxRAMPercentage` set

                Where does the rest of the memory go?
                """, List.of("jvm", "memory", "kubernetes"));
        String nativeMemoryAnswer = answer(alice, oomKilled, """
                The heap is only part of the process. On top of `-Xmx` come metaspace, the code cache,
                thread stacks (200 threads × 1 MiB by default), GC structures and direct buffers
                (Netty likes those). 768 MiB of heap in 1 GiB leaves too little room.

                1. Turn on Native Memory Tracking: `-XX:NativeMemoryTracking=summary`, then
                   `jcmd <pid> VM.native_memory summary` shows where it goes.
                2. Size the heap relative to the limit instead: `-XX:MaxRAMPercentage=60`.
                3. Cap what grows: `-XX:MaxMetaspaceSize`, `-XX:MaxDirectMemorySize`, `-Xss512k` if
                   your stacks are shallow.
                """);
        String raiseLimitAnswer = answer(bob, oomKilled, """
                Just set the limit to 2 GiB, memory is cheap.
                """);
        vote(alice, oomKilled, Direction.UP);
        vote(bob, nativeMemoryAnswer, Direction.UP);
        vote(dana, nativeMemoryAnswer, Direction.UP);
        vote(dana, raiseLimitAnswer, Direction.DOWN);
        vote(chen, raiseLimitAnswer, Direction.DOWN);

        String idempotency = ask(dana, community, "Do projections need to be idempotent if the event store is ordered?",
                """
                Our event store gives every event a global sequence number and the processors read in that
                order. Do the projection handlers still have to cope with the same event twice?
                """, List.of("event-sourcing", "cqrs", "projections"));
        String idempotencyAnswer = answer(chen, idempotency, """
                Yes. Ordering is not the same as exactly-once delivery: the processor stores its token
                *after* the handler ran, so a crash in between replays the event. With a read store
                without transactions (MongoDB without a replica set, for example) the handler and the
                token update cannot commit together either.

                Make each handler converge: `$set` the state the event implies, keyed by the event's
                sequence, instead of `$inc`-ing a counter.
                """);
        vote(bob, idempotency, Direction.UP);
        vote(alice, idempotencyAnswer, Direction.UP);

        String gcChoice = ask(alice, community, "Which garbage collector for a small service with a 512 MB heap?",
                """
                We have a dozen small services with heaps between 256 and 512 MB on two vCPUs each.
                G1 is the default, but I keep reading that Serial or Parallel would be better for small
                heaps. Has anyone measured this?
                """, List.of("jvm", "garbage-collection", "performance"));
        vote(chen, gcChoice, Direction.UP);

        return community;
    }

    private Member member(String id, String name) {
        return new Member(id, name, tokens.issue(id, name));
    }

    private String ask(Member asker, String communityId, String title, String body, List<String> tags) {
        return id(graphql.execute(ASK_QUESTION, Map.of(
                "communityId", communityId, "title", title, "body", body, "tags", tags), asker.token()),
                "askQuestion", "question");
    }

    private String answer(Member author, String questionId, String body) {
        return id(graphql.execute(POST_ANSWER, Map.of("questionId", questionId, "body", body), author.token()),
                "postAnswer", "answer");
    }

    private void vote(Member voter, String postId, Direction direction) {
        graphql.execute(VOTE.formatted(direction.name()), Map.of("postId", postId), voter.token());
    }

    private void accept(Member asker, String answerId) {
        graphql.execute(ACCEPT_ANSWER, Map.of("answerId", answerId), asker.token());
    }

    private void endorse(Member endorser, String answerId, String note) {
        graphql.execute(ENDORSE_ANSWER, Map.of("answerId", answerId, "note", note), endorser.token());
    }

    /** The {@code id} of the object a mutation payload returned, e.g. {@code askQuestion.question.id}. */
    private static String id(JsonNode data, String mutation, String field) {
        JsonNode id = data.path(mutation).path(field).path("id");
        if (!id.isTextual()) {
            throw new IllegalStateException(mutation + " returned no " + field + " id: " + data);
        }
        return id.asText();
    }
}
