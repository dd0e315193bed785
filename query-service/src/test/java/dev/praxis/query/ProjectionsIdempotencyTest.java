package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.CommentEdited;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.reputation.ReputationProjection;
import dev.praxis.query.article.ArticleProjection;
import dev.praxis.query.question.ContentProjection;
import dev.praxis.query.question.QuestionProjection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every projection handler is idempotent: delivering each event twice, or the whole stream twice,
 * leaves the same read models as delivering it once. The events go through Axon's own handler
 * dispatch into the real projections, on the embedded MongoDB server.
 */
class ProjectionsIdempotencyTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new QuestionProjection(mongo), new MemberProjection(mongo),
            new ContentProjection(mongo), new ArticleProjection(mongo), new ReputationProjection(mongo)));

    @Test
    void deliveringEveryEventTwiceChangesNothing() throws Exception {
        List<EventMessage<?>> events = history();

        Map<String, List<Document>> once = project("once", events);
        List<EventMessage<?>> eachTwice = ProjectionHarness.eachTwice(events);
        Map<String, List<Document>> twice = project("each_twice", eachTwice);
        List<EventMessage<?>> streamTwice = ProjectionHarness.streamTwice(events);
        Map<String, List<Document>> replayed = project("stream_twice", streamTwice);

        assertThat(twice).isEqualTo(once);
        assertThat(replayed).isEqualTo(once);
    }

    @Test
    void theReadModelsHoldWhatTheEventsSay() throws Exception {
        Map<String, List<Document>> models = project("expected", history());

        Document question = models.get("questions").get(0);
        assertThat(question.getInteger("score")).isEqualTo(0);
        assertThat(question.getInteger("answerCount")).isEqualTo(3);
        assertThat(question.getList("deletedAnswerIds", String.class)).containsExactly("a3");
        assertThat(question.getString("title")).isEqualTo("How do I rebuild one projection?");
        assertThat(question.getInteger("revisionCount")).isEqualTo(2);
        assertThat(question.getBoolean("closed")).isTrue();
        assertThat(question.getString("closeReason")).isEqualTo("NEEDS_FOCUS");
        assertThat(question.getBoolean("locked")).isTrue();
        assertThat(models.get("revisions")).hasSize(8);
        assertThat(models.get("comments")).hasSize(2);
        assertThat(models.get("comments").get(0).getString("body")).isEqualTo("Which Axon version?");
        assertThat(models.get("comments").get(1).getBoolean("deleted")).isTrue();
        assertThat(models.get("articles").get(0).getInteger("revisionCount")).isEqualTo(2);
        assertThat(question.getString("acceptedAnswerId")).isEqualTo("a2");
        Document a1 = models.get("answers").get(0);
        Document a2 = models.get("answers").get(1);
        assertThat(a1.getBoolean("accepted")).isFalse();
        assertThat(a1.getInteger("score")).isEqualTo(1);
        assertThat(a1.getString("body")).isEqualTo("Reset the tokens first.");
        assertThat(a2.getBoolean("accepted")).isTrue();
        assertThat(a2.getList("endorsements", Document.class)).isEmpty();
        Document community = models.get("communities").get(0);
        assertThat(community.getLong("memberCount")).isEqualTo(3);
        assertThat(community.getLong("questionCount")).isEqualTo(1);
        // alice: +10 question upvote, retracted, +2 for accepting chen's answer; bob: a downvote on a1 (cut to 0 by
        // the floor) turned into +10, +15 then -15 for the moved acceptance; chen: +15 accepted
        Map<String, Integer> reputation = new java.util.HashMap<>();
        models.get("reputation_totals").forEach(m -> reputation.put(m.getString("memberId"), m.getInteger("total")));
        assertThat(reputation).containsEntry("alice", 3).containsEntry("bob", 11).containsEntry("chen", 16);
    }

    private Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        return harness.project(database, events);
    }

    static List<EventMessage<?>> history() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return List.of(
                GenericEventMessage.asEventMessage(new CommunityCreated("c1", "Java Practitioners", "JVM", null, "alice", t)),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", t)),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", t.plusSeconds(1))),
                GenericEventMessage.asEventMessage(new MemberJoinedCommunity("c1", "chen", "Chen", CommunityRole.MEMBER, "chen", t.plusSeconds(2))),
                GenericEventMessage.asEventMessage(new QuestionAsked("q1", "c1", "How do I rebuild a projection?", "Body", List.of("axon"), "alice", t.plusSeconds(3))),
                GenericEventMessage.asEventMessage(new AnswerPosted("q1", "a1", "c1", "Reset the tokens.", "bob", t.plusSeconds(4))),
                GenericEventMessage.asEventMessage(new AnswerPosted("q1", "a2", "c1", "Replay with a reset handler.", "chen", t.plusSeconds(5))),
                GenericEventMessage.asEventMessage(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP, "bob", t.plusSeconds(6))),
                GenericEventMessage.asEventMessage(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.DOWN, "chen", t.plusSeconds(7))),
                GenericEventMessage.asEventMessage(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", t.plusSeconds(8))),
                GenericEventMessage.asEventMessage(new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", t.plusSeconds(9))),
                GenericEventMessage.asEventMessage(new AnswerAccepted("q1", "a2", "c1", "chen", "alice", t.plusSeconds(9))),
                GenericEventMessage.asEventMessage(new AnswerEndorsed("q1", "a2", "c1", "chen", "Verified", "bob", t.plusSeconds(10))),
                GenericEventMessage.asEventMessage(new QuestionEdited("q1", "c1", "alice", 2, "How do I rebuild one projection?", "Body",
                        List.of("axon"), List.of("title"), "clearer", null, List.of(), "alice", t.plusSeconds(11))),
                GenericEventMessage.asEventMessage(new AnswerEdited("q1", "a1", "c1", "bob", 2, "Reset the tokens first.", null, null,
                        List.of(), "bob", t.plusSeconds(12))),
                GenericEventMessage.asEventMessage(new VoteChanged("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.DOWN,
                        VoteDirection.UP, "chen", t.plusSeconds(13))),
                GenericEventMessage.asEventMessage(new VoteRetracted("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP,
                        "bob", t.plusSeconds(14))),
                GenericEventMessage.asEventMessage(new CommentAdded("q1", "k1", "q1", PostKind.QUESTION, "c1", "alice",
                        "Which version, @alice?", List.of("alice"), "bob", t.plusSeconds(15))),
                GenericEventMessage.asEventMessage(new CommentEdited("q1", "k1", "q1", "c1", "Which Axon version?", List.of(), "bob",
                        t.plusSeconds(16))),
                GenericEventMessage.asEventMessage(new CommentAdded("q1", "k2", "a1", PostKind.ANSWER, "c1", "bob", "Thanks",
                        List.of(), "alice", t.plusSeconds(16))),
                GenericEventMessage.asEventMessage(new CommentDeleted("q1", "k2", "a1", "c1", "alice", "alice", t.plusSeconds(17))),
                GenericEventMessage.asEventMessage(new AnswerEndorsementWithdrawn("q1", "a2", "c1", "chen", "bob", t.plusSeconds(18))),
                GenericEventMessage.asEventMessage(new QuestionClosed("q1", "c1", CloseReason.NEEDS_FOCUS, null, "alice", t.plusSeconds(19))),
                GenericEventMessage.asEventMessage(new QuestionLocked("q1", "c1", null, "alice", t.plusSeconds(20))),
                GenericEventMessage.asEventMessage(new AnswerPosted("q1", "a3", "c1", "Spam", "bob", t.plusSeconds(4))),
                GenericEventMessage.asEventMessage(new PostDeleted("q1", "a3", PostKind.ANSWER, "c1", "bob", "spam", "alice", t.plusSeconds(21))),
                GenericEventMessage.asEventMessage(new ArticlePublished("r1", "c1", "Rebuilding projections", "Steps", List.of("axon"), "chen",
                        t.plusSeconds(22))),
                GenericEventMessage.asEventMessage(new ArticleEdited("r1", "c1", "chen", 2, "Rebuilding projections", "More steps",
                        List.of("axon"), List.of("body"), null, "chen", t.plusSeconds(23))));
    }
}
