package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.flag.FlagDecision;
import dev.praxis.api.flag.FlagReason;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.flag.PostFlagged;
import dev.praxis.api.question.PostKind;
import dev.praxis.query.bounty.BountyProjection;
import dev.praxis.query.flag.FlagProjection;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.reputation.ReputationProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bounty, moderation-queue and reputation effects of bounties and flags, delivered once, twice, or replayed. */
class BountyAndFlagProjectionsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new BountyProjection(mongo), new FlagProjection(mongo), new MemberProjection(mongo), new ReputationProjection(mongo)));

    @Test
    void theReadModelsHoldWhatTheEventsSay() throws Exception {
        Map<String, List<Document>> models = project("expected", history());

        Map<String, Document> bounties = byId(models.get("bounties"));
        assertThat(bounties.get("q1").getBoolean("open")).isFalse();
        assertThat(bounties.get("q2").getBoolean("open")).isTrue();
        assertThat(bounties.get("q2").getInteger("round")).isEqualTo(2);
        assertThat(bounties.get("q2").getInteger("amount")).isEqualTo(50);

        Map<String, Document> queue = byId(models.get("moderation_queue"));
        assertThat(queue.get("a1").getBoolean("open")).isTrue();
        assertThat(queue.get("a1").getList("flags", Document.class)).extracting(f -> f.getString("memberId"))
                .containsExactly("dora");
        assertThat(queue.get("a1").getDate("firstFlaggedAt").toInstant()).isEqualTo(T.plusSeconds(30));
        assertThat(queue.get("q1").getBoolean("open")).isFalse();
        assertThat(queue.get("q1").getList("flags", Document.class)).isEmpty();

        Map<String, Integer> reputation = new HashMap<>();
        models.get("reputation_totals").forEach(m -> reputation.put(m.getString("memberId"), m.getInteger("total")));
        // alice: -100 -100 -50 for three bounties, from 1: the floor keeps her at 1, where she started (no total
        // stored), and her history shows what was asked and what she paid; bob: +100 awarded; chen: +50, half of an
        // expired one
        assertThat(reputation).doesNotContainKey("alice").containsEntry("bob", 101).containsEntry("chen", 51);
        assertThat(models.get("reputation_history")).filteredOn(h -> h.getString("memberId").equals("alice"))
                .extracting(h -> h.getInteger("requested") + "/" + h.getInteger("amount"))
                .containsExactlyInAnyOrder("-100/0", "-100/0", "-50/0");
    }

    @Test
    void deliveringEveryEventTwiceOrReplayingTheStreamChangesNothing() throws Exception {
        List<EventMessage<?>> events = history();
        Map<String, List<Document>> once = project("once", events);
        List<EventMessage<?>> eachTwice = ProjectionHarness.eachTwice(events);
        List<EventMessage<?>> streamTwice = ProjectionHarness.streamTwice(events);

        assertThat(project("each_twice", eachTwice)).isEqualTo(once);
        assertThat(project("stream_twice", streamTwice)).isEqualTo(once);
    }

    private static Map<String, Document> byId(List<Document> documents) {
        Map<String, Document> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.getString("_id"), d));
        return byId;
    }

    private Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        return harness.project(database, events);
    }

    private static List<EventMessage<?>> history() {
        Instant due = T.plus(Duration.ofDays(7));
        List<Object> payloads = List.of(
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new BountyOffered("q1", 1, "c1", 100, due, "alice", T.plusSeconds(1)),
                new BountyAwarded("q1", 1, "c1", "a1", "bob", 100, "alice", T.plusSeconds(2)),
                new BountyOffered("q2", 1, "c1", 100, due, "alice", T.plusSeconds(3)),
                new BountyExpired("q2", 1, "c1", "alice", 100, "a9", "chen", 50, "system", due),
                new BountyOffered("q2", 2, "c1", 50, due.plusSeconds(1), "alice", due.plusSeconds(1)),
                new PostFlagged("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagReason.SPAM, null, "chen", T.plusSeconds(10)),
                new PostFlagged("q1", PostKind.QUESTION, "q1", "c1", "alice", FlagReason.OTHER, "Copied.", "bob", T.plusSeconds(11)),
                new FlagReviewed("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagDecision.DISMISS, null, List.of("chen"), "alice",
                        T.plusSeconds(20)),
                new FlagReviewed("q1", PostKind.QUESTION, "q1", "c1", "alice", FlagDecision.LOCK, "Heated.", List.of("bob"), "alice",
                        T.plusSeconds(21)),
                new PostFlagged("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagReason.OFFENSIVE, null, "dora", T.plusSeconds(30)));
        return payloads.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }
}
