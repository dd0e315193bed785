package dev.praxis.query.question;

import static org.assertj.core.api.Assertions.assertThat;


import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;


import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A community's question list, newest first, read from the head the projection keeps
 * ({@link CommunityQuestionHeads}) for its first pages and from the questions beyond it: every page
 * holds what ordering the questions themselves gives, through deletions, an undeletion, questions
 * created in the same millisecond and questions asked out of order (an import), and the first page
 * is a read by key, with no query on the questions' fields.
 */
class CommunityQuestionPagesTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final int QUESTIONS = CommunityQuestionHeads.SIZE + 60;

    /** The commands the server received on the questions collection: "find <filter fields>" or "count". */
    private static final List<String> questionCommands = new CopyOnWriteArrayList<>();
    /** The operators of each update of a head: "$push items" for a question put in place by the database. */
    private static final List<String> headUpdates = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            var command = event.getCommand();
            String name = event.getCommandName();
            if ((name.equals("find") || name.equals("count") || name.equals("aggregate"))
                    && command.get(name).isString() && command.getString(name).getValue().equals(QuestionDocument.COLLECTION)) {
                questionCommands.add(name + " " + (command.containsKey("filter") ? command.getDocument("filter").keySet()
                        : command.containsKey("query") ? command.getDocument("query").keySet() : "[]"));
            }
            if (name.equals("update") && command.getString(name).getValue().equals(CommunityQuestionHeads.COLLECTION)) {
                for (var update : command.getArray("updates")) {
                    var operators = update.asDocument().getDocument("u");
                    boolean pushed = operators.containsKey("$push") && operators.getDocument("$push").containsKey("items");
                    headUpdates.add(pushed ? "$push items" : operators.containsKey("$set") ? "$set items" : "other");
                }
            }
        }
    });

    @Test
    void everyPageFromTheHeadAndBeyondItFollowsTheQuestionsOrder() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(community("c1"));
        events.addAll(community("c2"));
        List<Object[]> asked = new ArrayList<>();
        for (int i = 0; i < QUESTIONS; i++) {
            // pairs asked in the same millisecond (ordered by id), and every seventh asked "late", as an import would
            Instant at = T.plusSeconds(i % 7 == 0 ? i / 7 : 100 + i / 2);
            String id = "q" + (1000 + i);
            asked.add(new Object[] {id, at});
            events.add(message(new QuestionAsked(id, "c1", "Question " + i, "body", List.of("axon"), "alice", at)));
            if (i % 10 == 0) {
                events.add(message(new QuestionAsked("other" + i, "c2", "Elsewhere", "body", List.of(), "alice", at)));
            }
        }
        List<String> deleted = List.of("q1309", "q1300", "q1255", "q1100", "q1001");
        for (String id : deleted) {
            events.add(message(new PostDeleted(id, id, PostKind.QUESTION, "c1", "alice", "spam", "alice", T.plusSeconds(9000))));
        }
        events.add(message(new PostUndeleted("q1300", "q1300", PostKind.QUESTION, "c1", "alice", null, "alice",
                T.plusSeconds(9001))));
        // imported after the head was cut and shrunk by the deletions: older than all it keeps, so not in it
        for (int k = 1; k <= 5; k++) {
            Instant at = T.minusSeconds(3600L * k);
            asked.add(new Object[] {"old" + k, at});
            events.add(message(new QuestionAsked("old" + k, "c1", "Imported " + k, "body", List.of(), "alice", at)));
        }
        // through a real tracking processor: each event is new to the projection, so a question is pushed into the head
        headUpdates.clear();
        MongoTemplate mongo = projectTracked("pages", events);
        assertThat(headUpdates).as("questions put in place by the database").contains("$push items");
        // 356 events in batches of 100: a batch's questions join their community's head in one write,
        // not one each (the deletions and the undeletion each rewrite the head, and push what waited before)
        assertThat(headUpdates.stream().filter("$push items"::equals).count()).as("pushes into a head")
                .isBetween(4L, 12L);
        // the same head as the full read-modify-write of every change leaves
        MongoTemplate rewritten = project("pages-rewritten", events);
        Document head = mongo.findById("c1", Document.class, CommunityQuestionHeads.COLLECTION);
        Document expectedHead = rewritten.findById("c1", Document.class, CommunityQuestionHeads.COLLECTION);
        for (String field : List.of("items", "held", "complete", "count", "version")) {
            assertThat(head.get(field)).as(field).isEqualTo(expectedHead.get(field));
        }
        assertThat(head.get("complete")).as("the head was cut").isEqualTo(false);
        QuestionQueries queries = queries(mongo);

        List<String> expected = asked.stream()
                .filter(q -> !deleted.contains((String) q[0]) || q[0].equals("q1300"))
                .sorted(Comparator.<Object[], Instant>comparing(q -> (Instant) q[1]).reversed()
                        .thenComparing(Comparator.<Object[], String>comparing(q -> (String) q[0]).reversed()))
                .map(q -> (String) q[0]).toList();

        questionCommands.clear();
        Page<QuestionView> first = queries.questionsOf("c1", 20, null, "alice", null);
        // the first page: the head by key, the questions by id; no count, no query on their fields
        assertThat(questionCommands).containsExactly("find [_id]");
        assertThat(first.totalCount()).isEqualTo(expected.size());

        for (int size : new int[] {1, 7, 20, 100}) {
            assertThat(allPages(queries, size)).as("pages of %d", size).containsExactlyElementsOf(expected);
        }
        assertThat(queries.questionsOf("c2", 20, null, "alice", null).items()).hasSize(20)
                .allSatisfy(q -> assertThat(q.communityId()).isEqualTo("c2"));

        // a community whose questions were projected before heads existed reads its questions directly, the same way
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), CommunityQuestionHeads.COLLECTION);
        questionCommands.clear();
        assertThat(allPages(queries, 20)).containsExactlyElementsOf(expected);
        assertThat(questionCommands).anyMatch(c -> c.startsWith("find [communityId"));
        assertThat(queries.questionsOf("c1", 20, null, "alice", null).totalCount()).isEqualTo(first.totalCount());
    }

    @Test
    void theHeadChangesOnceForAnEventDeliveredTwice() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(community("c1"));
        for (int i = 0; i < 5; i++) {
            events.add(message(new QuestionAsked("q" + i, "c1", "Question " + i, "body", List.of(), "alice", T.plusSeconds(i))));
        }
        events.add(message(new PostDeleted("q2", "q2", PostKind.QUESTION, "c1", "alice", "spam", "alice", T.plusSeconds(60))));
        MongoTemplate once = project("once", events);
        MongoTemplate twice = project("twice", ProjectionHarness.eachTwice(events));

        Document head = once.findById("c1", Document.class, CommunityQuestionHeads.COLLECTION);
        assertThat(head.get("count")).isEqualTo(4L);
        assertThat(twice.findById("c1", Document.class, CommunityQuestionHeads.COLLECTION).get("items"))
                .isEqualTo(head.get("items"));
        assertThat(queries(twice).questionsOf("c1", 20, null, "alice", null).items()).extracting(QuestionView::id)
                .containsExactly("q4", "q3", "q1", "q0");
        assertThat(queries(twice).questionsOf("c1", 20, null, "alice", null).totalCount()).isEqualTo(4);
    }

    @Test
    void aQuestionAskedAndDeletedInOneBatchIsNotInTheHead() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(community("c1"));
        for (int i = 0; i < 6; i++) {
            events.add(message(new QuestionAsked("q" + i, "c1", "Question " + i, "body", List.of(), "alice", T.plusSeconds(i))));
        }
        events.add(message(new PostDeleted("q5", "q5", PostKind.QUESTION, "c1", "alice", "spam", "alice", T.plusSeconds(60))));
        events.add(message(new QuestionAsked("q6", "c1", "Question 6", "body", List.of(), "alice", T.plusSeconds(61))));
        events.add(message(new PostDeleted("q0", "q0", PostKind.QUESTION, "c1", "alice", "spam", "alice", T.plusSeconds(62))));
        events.add(message(new PostUndeleted("q5", "q5", PostKind.QUESTION, "c1", "alice", null, "alice", T.plusSeconds(63))));
        // one batch, and the whole stream again over what it wrote, as a batch retried after a crash would be
        MongoTemplate mongo = projectTracked("one-batch", events);
        MongoTemplate again = projectTracked("one-batch-again", ProjectionHarness.streamTwice(events));

        for (MongoTemplate projected : List.of(mongo, again)) {
            Document head = projected.findById("c1", Document.class, CommunityQuestionHeads.COLLECTION);
            assertThat(head.get("count")).isEqualTo(6L);
            assertThat(head.get("held")).isEqualTo(6);
            assertThat(queries(projected).questionsOf("c1", 20, null, "alice", null).items()).extracting(QuestionView::id)
                    .containsExactly("q6", "q5", "q4", "q3", "q2", "q1");
        }
    }

    @Test
    void aPageSizeOutOfBoundsOrAForeignCursorIsRefused() throws Exception {
        MongoTemplate mongo = project("bounds", new ArrayList<>(community("c1")));
        QuestionQueries queries = queries(mongo);
        assertThat(queries.questionsOf("c1", 20, null, "alice", null).items()).isEmpty();
        for (int size : new int[] {0, 101}) {
            try {
                queries.questionsOf("c1", size, null, "alice", null);
                throw new AssertionError("accepted a page of " + size);
            } catch (QueryRejectedException e) {
                assertThat(e.getMessage()).contains("1 to 100");
            }
        }
        try {
            queries.questionsOf("c1", 20, "not-a-cursor", "alice", null);
            throw new AssertionError("accepted a cursor it never gave out");
        } catch (QueryRejectedException e) {
            assertThat(e.getMessage()).contains("cursor");
        }
    }

    private static List<String> allPages(QuestionQueries queries, int size) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            // a page that repeats what came before would loop forever
            assertThat(ids.size()).as("pages walked so far").isLessThanOrEqualTo(QUESTIONS);
            Page<QuestionView> page = queries.questionsOf("c1", size, after, "alice", null);
            page.items().forEach(q -> ids.add(q.id()));
            if (!page.hasNextPage()) {
                return ids;
            }
            after = page.endCursor();
        }
    }

    private static MongoTemplate project(String database, List<EventMessage<?>> events) throws Exception {
        harness.client().getDatabase(database).drop();
        MongoTemplate mongo = harness.mongo(database);
        ProjectionHarness.handleInOrder(List.of(new CommunityProjection(mongo), new CommunityMemberProjection(mongo),
                new QuestionProjection(mongo)), events);
        return mongo;
    }

    private static MongoTemplate projectTracked(String database, List<EventMessage<?>> events) throws Exception {
        harness.client().getDatabase(database).drop();
        MongoTemplate mongo = harness.mongo(database);
        ProjectionHarness.runTracked("questions", mongo, events, List.of(new CommunityProjection(mongo),
                new CommunityMemberProjection(mongo), new QuestionProjection(mongo)), 100);
        return mongo;
    }

    private static QuestionQueries queries(MongoTemplate mongo) {
        ReadAccess access = new ReadAccess(mongo);
        ReadConsistency consistency = new ReadConsistency(null, Duration.ZERO);
        return new QuestionQueries(mongo, consistency, new CommunityQueries(mongo, consistency, access), access);
    }

    private static List<EventMessage<?>> community(String id) {
        return List.of(message(new CommunityCreated(id, "Guild " + id, null, null, "alice", T)),
                message(new MemberJoinedCommunity(id, "alice", "Alice", CommunityRole.OWNER, "alice", T)));
    }

    private static EventMessage<?> message(Object payload) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), T);
    }
}
