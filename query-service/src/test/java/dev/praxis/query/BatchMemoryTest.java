package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.feed.FeedProjection;
import dev.praxis.query.knowledge.KnowledgeProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the feed and knowledge projections remember for a batch (a target's followers, a tag's
 * master) stays in step with the follows and synonyms the same batch handles: a whole history in
 * one batch of a tracking processor leaves the same read models as batches of one event each, where
 * nothing is remembered from one event to the next.
 */
class BatchMemoryTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(BatchMemoryTest::projections);

    private static List<Object> projections(MongoTemplate mongo) {
        return List.of(new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new FeedProjection(mongo),
                new KnowledgeProjection(mongo));
    }

    @Test
    void followsAndUnfollowsInTheBatchReachTheFanOutsAfterThem() throws Exception {
        List<Object> history = new ArrayList<>(community());
        history.add(new TagFollowed("bob", "c1", "axon", "bob", at(10)));
        history.add(new QuestionAsked("q1", "c1", "Replays?", "body", List.of("axon"), "alice", at(11)));
        history.add(new TagUnfollowed("bob", "c1", "axon", "bob", at(12)));
        history.add(new TagFollowed("chen", "c1", "axon", "chen", at(13)));
        history.add(new QuestionAsked("q2", "c1", "Tokens?", "body", List.of("axon"), "alice", at(14)));
        history.add(new MemberFollowed("bob", "alice", "bob", at(15)));
        history.add(new QuestionAsked("q3", "c1", "Sagas?", "body", List.of("kafka"), "alice", at(16)));
        history.add(new QuestionFollowed("chen", "q3", "chen", at(17)));
        history.add(new AnswerPosted("q3", "a1", "c1", "Use a deadline.", "alice", at(18)));
        history.add(new MemberUnfollowed("bob", "alice", "bob", at(19)));
        history.add(new QuestionUnfollowed("chen", "q3", "chen", at(20)));
        history.add(new AnswerPosted("q3", "a2", "c1", "Or a scheduler.", "alice", at(21)));

        assertSameReadModelsInOneBatch("follows", history);
    }

    @Test
    void aSynonymAddedOrRemovedInTheBatchResolvesTheTagsAfterIt() throws Exception {
        List<Object> history = new ArrayList<>(community());
        history.add(new QuestionAsked("q1", "c1", "Indexes?", "body", List.of("mongo"), "alice", at(10)));
        history.add(new TagSynonymAdded("c1/mongodb", "c1", "mongodb", "mongo", "alice", at(11)));
        history.add(new QuestionAsked("q2", "c1", "Shards?", "body", List.of("mongo", "kafka"), "bob", at(12)));
        history.add(new AnswerPosted("q2", "a1", "c1", "Hash the key.", "chen", at(13)));
        history.add(new TagSynonymRemoved("c1/mongodb", "c1", "mongodb", "mongo", "alice", at(14)));
        history.add(new QuestionAsked("q3", "c1", "Views?", "body", List.of("mongo"), "chen", at(15)));

        Map<String, List<Document>> readModels = assertSameReadModelsInOneBatch("synonyms", history);
        // a synonym moves the threads tagged with it to its master; a question asked after its removal keeps the name
        assertThat(readModels.get("knowledge_threads")).extracting(d -> d.getString("_id") + " " + d.get("tags"))
                .contains("q1 [mongodb]", "q2 [mongodb, kafka]", "q3 [mongo]");
    }

    /** The history in batches of one event (each its own unit of work: nothing remembered) and in one batch. */
    private static Map<String, List<Document>> assertSameReadModelsInOneBatch(String name, List<Object> payloads)
            throws Exception {
        List<EventMessage<?>> events = payloads.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        Map<String, List<Document>> oneByOne = runTracked(name, name + "_one_by_one", events, 1);
        Map<String, List<Document>> inOneBatch = runTracked(name, name + "_in_one_batch", events, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        return oneByOne;
    }

    private static Map<String, List<Document>> runTracked(String processor, String database, List<EventMessage<?>> events,
            int batchSize) throws InterruptedException {
        MongoTemplate mongo = harness.mongo(database);
        mongo.getDb().drop();
        ProjectionHarness.runTracked(processor, mongo, events, projections(mongo), batchSize);
        return ReadModelDump.of(mongo.getDb());
    }

    private static List<Object> community() {
        return List.of(new CommunityCreated("c1", "Guild", "JVM", null, "alice", T),
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new MemberJoinedCommunity("c1", "chen", "Chen", CommunityRole.MEMBER, "chen", T));
    }

    private static Instant at(long minutes) {
        return T.plusSeconds(60 * minutes);
    }
}
