package dev.praxis.query.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.badge.BadgeAwardListener;
import dev.praxis.query.badge.BadgeProjection;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.feed.FeedProjection;
import dev.praxis.query.knowledge.KnowledgeProjection;
import dev.praxis.query.question.QuestionProjection;
import dev.praxis.query.reputation.ReputationProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Imported votes without a voter ({@link AnonymousVoteRecorded}) through every projection that reads
 * votes, on the embedded MongoDB: they move the post scores (question page, feed), the author's
 * reputation (the engine's rules) and the knowledge graph (evidence naming no actor), nobody else's,
 * and delivering them twice changes nothing.
 */
class AnonymousVotesProjectionTest {

    private static final Instant T = Instant.parse("2019-05-01T10:00:00Z");

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new QuestionProjection(mongo),
            new FeedProjection(mongo), new ReputationProjection(mongo), new KnowledgeProjection(mongo),
            new BadgeProjection(mongo, List.<BadgeAwardListener>of())));

    @Test
    void anonymousVotesScorePostsAndEarnTheAuthorsReputationAndExpertise() throws Exception {
        List<EventMessage<?>> history = history();
        Map<String, List<Document>> models = harness.project("anonymous_votes", history);

        assertThat(one(models, "questions", "q1").getInteger("score")).isEqualTo(2);
        assertThat(one(models, "answers", "a1").getInteger("score")).isEqualTo(2);
        assertThat(one(models, "feed_posts", "q1").getInteger("score")).isEqualTo(2);

        // alice: 1 + 2 question upvotes * 10; bob: 1 + 3 answer upvotes * 10 - 2 for the downvote; the importer nothing
        Map<String, Integer> reputation = new HashMap<>();
        models.get("reputation_totals").forEach(m -> reputation.put(m.getString("memberId"), m.getInteger("total")));
        assertThat(reputation).containsEntry("alice", 21).containsEntry("bob", 29).doesNotContainKey("importer");

        List<Document> evidence = models.get("knowledge_contributions").stream()
                .filter(c -> "AnonymousVoteRecorded".equals(c.getString("eventType"))).toList();
        assertThat(evidence).hasSize(4).allSatisfy(c -> {
            assertThat(c.getString("memberId")).isEqualTo("bob");
            assertThat(c.getString("actorId")).isNull();
        });
        assertThat(models.get("badges") == null ? List.<Document>of() : models.get("badges"))
                .noneSatisfy(b -> assertThat(b.getString("memberId")).isEqualTo("importer"));

        assertThat(harness.project("anonymous_votes_twice", ProjectionHarness.eachTwice(history))).isEqualTo(models);
    }

    private static Document one(Map<String, List<Document>> models, String collection, String id) {
        return models.get(collection).stream().filter(d -> id.equals(d.get("_id"))).findFirst().orElseThrow();
    }

    private static List<EventMessage<?>> history() {
        List<Object> events = new ArrayList<>(List.of(
                new CommunityCreated("c1", "Bicycles meta", null, null, "importer", T),
                new MemberJoinedCommunity("c1", "importer", "Importer", CommunityRole.OWNER, "importer", T),
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.MEMBER, "alice", T.plusSeconds(1)),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T.plusSeconds(2)),
                new QuestionAsked("q1", "c1", "Why do my brakes squeal in the rain?", "Body", List.of("brakes"), "alice",
                        T.plusSeconds(3)),
                new AnswerPosted("q1", "a1", "c1", "Water on the rims.", "bob", T.plusSeconds(4))));
        for (int i = 0; i < 2; i++) {
            events.add(new AnonymousVoteRecorded("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP, "importer",
                    T.plusSeconds(10 + i)));
        }
        for (int i = 0; i < 3; i++) {
            events.add(new AnonymousVoteRecorded("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP, "importer",
                    T.plusSeconds(20 + i)));
        }
        events.add(new AnonymousVoteRecorded("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.DOWN, "importer",
                T.plusSeconds(30)));
        return events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }
}
