package dev.praxis.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.query.Page;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.MembersMentioned;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.notification.NotificationPages;
import dev.praxis.query.notification.NotificationProjection;
import dev.praxis.query.notification.Notifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reading a feed page or a member's notifications costs the same number of store calls and
 * returns the same number of documents whatever the size of the community: the test builds a small
 * and a ten times larger community and counts, with a command listener on the client, the
 * commands each read sends and the documents they answer.
 */
class FeedReadCostTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final int PAGE = 20;

    private static MongoServer server;
    private static MongoClient client;
    private static final AtomicInteger commands = new AtomicInteger();
    private static final AtomicInteger documents = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.incrementAndGet();
                    }

                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                        if (cursor != null) {
                            BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                                    : cursor.getArray("nextBatch", new BsonArray());
                            documents.addAndGet(batch.size());
                        }
                    }
                })
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    /**
     * A community of {@code size} questions by ten askers; a third answered by bob, who mentions dora, and upvoted;
     * dora follows every asker.
     */
    private static MongoTemplate community(String database, int size) throws Exception {
        MongoTemplate mongo = new MongoTemplate(client, database);
        mongo.getDb().drop();
        List<Object> events = new ArrayList<>(List.of(
                new CommunityCreated("c1", "Java Practitioners", "JVM", null, "alice", T),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new MemberJoinedCommunity("c1", "dora", "Dora", CommunityRole.MEMBER, "dora", T)));
        for (int a = 0; a < 10; a++) {
            events.add(new MemberJoinedCommunity("c1", "asker" + a, "Asker " + a, CommunityRole.MEMBER, "asker" + a, T));
            events.add(new MemberFollowed("dora", "asker" + a, "dora", T));
        }
        for (int i = 0; i < size; i++) {
            String asker = "asker" + i % 10;
            Instant at = T.plusSeconds(60L * i);
            events.add(new QuestionAsked("q" + i, "c1", "Question number " + i + " here", "Body",
                    List.of(i % 2 == 0 ? "axon" : "java"), asker, at));
            if (i % 3 == 1) {
                events.add(new AnswerPosted("q" + i, "a" + i, "c1", "An answer, @dora", "bob", at.plusSeconds(1)));
                events.add(new MembersMentioned("q" + i, "a" + i, PostKind.ANSWER, "c1", List.of("dora"), "bob",
                        at.plusSeconds(1)));
                events.add(new VoteCast("q" + i, "a" + i, PostKind.ANSWER, "c1", "bob", VoteDirection.UP, asker,
                        at.plusSeconds(2)));
                events.add(new VoteCast("q" + i, "q" + i, PostKind.QUESTION, "c1", asker, VoteDirection.UP, "bob",
                        at.plusSeconds(3)));
            }
        }
        List<AnnotationEventHandlerAdapter> adapters = List.of(new CommunityProjection(mongo),
                        new CommunityMemberProjection(mongo), new FeedProjection(mongo),
                        new NotificationProjection(mongo, new Notifications(mongo))).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        for (EventMessage<?> event : Tracked.of(events)) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }
        return mongo;
    }

    /** Each read of the feeds and notifications, by name: the commands it sent and the documents they answered. */
    private static Map<String, List<Integer>> costs(MongoTemplate mongo) {
        ReadAccess access = new ReadAccess(mongo);
        CommunityFeed feed = new CommunityFeed(mongo, access);
        ActivityFeed activity = new ActivityFeed(mongo, access);
        HomeFeed home = new HomeFeed(mongo, access);
        NotificationPages notifications = new NotificationPages(mongo, access);
        Notifications inbox = new Notifications(mongo);
        Map<String, List<Integer>> costs = new LinkedHashMap<>();
        for (FeedOrder order : FeedOrder.values()) {
            Page<?> first = measure(costs, "community " + order, () -> feed.read("c1", "dora", order, null, PAGE, null));
            assertThat(first.items()).hasSize(PAGE);
            measure(costs, "community " + order + " page 2", () -> feed.read("c1", "dora", order, null, PAGE, first.endCursor()));
        }
        measure(costs, "community by tag", () -> feed.read("c1", "dora", FeedOrder.HOT, "axon", PAGE, null));
        Page<?> acts = measure(costs, "activity", () -> activity.read("bob", "dora", PAGE, null));
        assertThat(acts.items()).hasSize(PAGE);
        Page<?> homePage = measure(costs, "home feed", () -> home.read("dora", PAGE, null));
        assertThat(homePage.items()).hasSize(PAGE);
        measure(costs, "home feed page 2", () -> home.read("dora", PAGE, homePage.endCursor()));
        Page<?> doras = measure(costs, "notifications", () -> notifications.read("dora", PAGE, null, false));
        assertThat(doras.items()).hasSize(PAGE);
        measure(costs, "notifications page 2", () -> notifications.read("dora", PAGE, doras.endCursor(), false));
        measure(costs, "unread count", () -> inbox.unreadCount("dora"));
        return costs;
    }

    private static <T> T measure(Map<String, List<Integer>> costs, String read, Supplier<T> call) {
        commands.set(0);
        documents.set(0);
        T answer = call.get();
        costs.put(read, List.of(commands.get(), documents.get()));
        return answer;
    }

    @Test
    void aPageCostsTheSameInASmallAndATenTimesLargerCommunity() throws Exception {
        Map<String, List<Integer>> small = costs(community("small", 130));
        Map<String, List<Integer>> large = costs(community("large", 1_300));

        small.forEach((read, cost) -> System.out.printf("%-28s small: %d commands, %d documents; large: %d commands, %d documents%n",
                read, cost.get(0), cost.get(1), large.get(read).get(0), large.get(read).get(1)));
        large.forEach((read, cost) -> {
            assertThat(cost.get(0)).as(read + ": commands").isEqualTo(small.get(read).get(0));
            if (!read.startsWith("home feed")) {
                assertThat(cost.get(1)).as(read + ": documents").isEqualTo(small.get(read).get(1));
            } else {
                // the head and one or two pages of 50, as the page boundary falls, whatever the size
                assertThat(cost.get(1)).as(read + ": documents").isBetween(2, 3);
            }
            assertThat(cost.get(0)).as(read + ": commands").isLessThanOrEqualTo(4);
            assertThat(cost.get(1)).as(read + ": documents").isLessThanOrEqualTo(2 * PAGE + 10);
        });
    }
}
