package dev.praxis.query.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.LeaderboardEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReputationChangeView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationReason;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reputation read models, fed real events through the real projection into the embedded MongoDB:
 * totals, history and leaderboards with reversals (a retracted vote, an unaccepted answer, a deleted
 * answer), idempotency, rebuilding equal to building incrementally, and the read endpoints.
 */
class ReputationProjectionTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z"); // a Monday, ISO week 10
    private static final Instant NEXT_WEEK = T.plus(Duration.ofDays(7));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new ReputationProjection(mongo)));

    @Test
    void totalsHistoryAndLeaderboardsFollowTheEventsThroughReversals() throws Exception {
        Map<String, List<Document>> models = harness.project("expected", history());

        assertThat(totals(models, "c1")).containsExactlyInAnyOrderEntriesOf(
                Map.of("alice", 21, "bob", 11, "chen", 1, "dora", 1));
        assertThat(totals(models, "c2")).containsExactlyInAnyOrderEntriesOf(Map.of("bob", 11));

        ReputationQueries queries = queries("expected");
        // chen's history, newest first: the deletion of a2 took back the acceptance and the vote, in key order
        Page<ReputationChangeView> chen = queries.history("chen", "c1", 10, null, null, null);
        assertThat(chen.items()).extracting(ReputationChangeView::eventType, ReputationChangeView::reason,
                        ReputationChangeView::reversal, ReputationChangeView::amount, ReputationChangeView::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PostDeleted", ReputationReason.ANSWER_UPVOTED, true, -10, 1),
                        org.assertj.core.groups.Tuple.tuple("PostDeleted", ReputationReason.ANSWER_ACCEPTED, true, -15, 11),
                        org.assertj.core.groups.Tuple.tuple("AnswerAccepted", ReputationReason.ANSWER_ACCEPTED, false, 15, 26),
                        org.assertj.core.groups.Tuple.tuple("VoteCast", ReputationReason.ANSWER_UPVOTED, false, 10, 11));
        assertThat(chen.items().get(0).eventId()).isEqualTo(id("delete-a2"));
        assertThat(chen.items().get(0).postId()).isEqualTo("a2");
        // bob's: the retracted vote and the withdrawn acceptance are reversals naming their events
        assertThat(queries.history("bob", "c1", 10, null, null, null).items())
                .extracting(ReputationChangeView::eventId, ReputationChangeView::amount, ReputationChangeView::total)
                .startsWith(org.assertj.core.groups.Tuple.tuple(id("withdraw-a1"), -15, 11),
                        org.assertj.core.groups.Tuple.tuple(id("retract-chen-a1"), -10, 26));

        // leaderboards: reversals count in the period of what they reverse
        assertThat(board(queries, LeaderboardPeriod.WEEK, null, T)).containsExactly("1 alice 10", "2 bob 10");
        assertThat(board(queries, LeaderboardPeriod.WEEK, null, NEXT_WEEK)).containsExactly("1 alice 10");
        assertThat(board(queries, LeaderboardPeriod.MONTH, null, T)).containsExactly("1 alice 20", "2 bob 10");
        assertThat(board(queries, LeaderboardPeriod.ALL_TIME, null, T)).containsExactly("1 alice 20", "2 bob 10");
        assertThat(board(queries, LeaderboardPeriod.ALL_TIME, "axon", T)).containsExactly("1 alice 20", "2 bob 10");
        assertThat(board(queries, LeaderboardPeriod.ALL_TIME, "rust", T)).isEmpty();
        // pages: one entry per page, the cursor continues with the right rank
        Page<LeaderboardEntryView> first = queries.leaderboard("c1", LeaderboardPeriod.ALL_TIME, null, null, 1, null, null, null);
        Page<LeaderboardEntryView> second = queries.leaderboard("c1", LeaderboardPeriod.ALL_TIME, null, null, 1,
                first.endCursor(), null, null);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.totalCount()).isEqualTo(2);
        assertThat(second.items()).containsExactly(new LeaderboardEntryView(2, "bob", 10));
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void privateCommunitiesShowTheirFiguresToMembersOnly() throws Exception {
        harness.project("private", history());
        ReputationQueries queries = queries("private");

        ReputationView outsider = queries.reputations(new IdBatch(List.of("bob")), "alice", null).get(0);
        assertThat(outsider.communities()).extracting(ReputationView.CommunityReputationView::communityId).containsExactly("c1");
        assertThat(outsider.total()).isEqualTo(11);
        ReputationView member = queries.reputations(new IdBatch(List.of("bob")), "bob", null).get(0);
        assertThat(member.communities()).extracting(ReputationView.CommunityReputationView::reputation).containsExactly(11, 11);
        assertThat(member.total()).isEqualTo(21);

        assertThatThrownBy(() -> queries.history("bob", "c2", 10, null, "alice", null))
                .isInstanceOf(QueryRejectedException.class).hasMessageContaining("no community");
        assertThat(queries.history("bob", null, 10, null, "alice", null).items())
                .allSatisfy(change -> assertThat(change.communityId()).isEqualTo("c1"));
        assertThatThrownBy(() -> queries.leaderboard("c2", null, null, null, 10, null, null, null))
                .isInstanceOf(QueryRejectedException.class);
        assertThatThrownBy(() -> queries.leaderboard("c1", null, null, null, 101, null, null, null))
                .isInstanceOf(QueryRejectedException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> queries.leaderboard("c1", null, null, null, 10, "not-a-cursor", null, null))
                .isInstanceOf(QueryRejectedException.class);
    }

    @Test
    void privilegesFollowTheCommunitysFigure() throws Exception {
        harness.project("privileges", history());
        ReputationQueries queries = queries("privileges");

        CommunityPrivilegesView alice = queries.privileges("c1", "dora", null, null);
        assertThat(alice.reputation()).isEqualTo(1);
        assertThat(alice.privileges()).filteredOn(CommunityPrivilegesView.PrivilegeView::held).isEmpty();
        CommunityPrivilegesView bob = queries.privileges("c1", "alice", null, null);
        assertThat(bob.role()).isEqualTo(CommunityRole.OWNER);
        assertThat(bob.privileges()).allSatisfy(p -> assertThat(p.held()).isTrue());
        CommunityPrivilegesView chen = queries.privileges("c1", "bob", null, null);
        assertThat(chen.privileges()).filteredOn(CommunityPrivilegesView.PrivilegeView::held)
                .extracting(CommunityPrivilegesView.PrivilegeView::privilege).isEmpty();
        // 11 is below UPVOTE's 15
        assertThat(chen.privileges().get(0)).isEqualTo(new CommunityPrivilegesView.PrivilegeView(Privilege.UPVOTE, 15, false));
    }

    @Test
    void deliveringEveryEventTwiceOrReplayingTheStreamChangesNothing() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(history());
        events.add(message("rules-v2", new ReputationRulesChanged("c1", 2, ReputationPreset.STACK_OVERFLOW,
                Map.of(ReputationRule.ANSWER_UPVOTE, 5), "alice", NEXT_WEEK.plusSeconds(60))));
        events.add(message("late-vote", new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP, "dora",
                NEXT_WEEK.plusSeconds(120))));
        Map<String, List<Document>> once = harness.project("once", events);

        assertThat(harness.project("each_twice", ProjectionHarness.eachTwice(events))).isEqualTo(once);
        assertThat(harness.project("stream_twice", ProjectionHarness.streamTwice(events))).isEqualTo(once);
    }

    /**
     * Rebuilding gives what building incrementally gives: the read models built event by event match
     * the engine's replay of the whole history in memory; and a community recomputed when its rules
     * change ends exactly where it would be had the new rules been in force from the start.
     */
    @Test
    void rebuildingFromTheEventsGivesTheModelsBuiltIncrementally() throws Exception {
        Map<String, List<Document>> incremental = harness.project("incremental", history());
        List<ReputationEngine.RecordedEvent> recorded = history().stream()
                .filter(m -> ReputationEngine.isInput(m.getPayload()))
                .map(m -> new ReputationEngine.RecordedEvent(m.getIdentifier(), m.getPayload())).toList();
        var replay = new ReputationEngine().replay("c1", ReputationRules.initial(), recorded);
        assertThat(totals(incremental, "c1")).isEqualTo(replay.ledger().totals("c1"));

        Instant before = T.minusSeconds(60);
        ReputationRulesChanged fromTheStart = new ReputationRulesChanged("c1", 2, ReputationPreset.TEAM,
                Map.of(ReputationRule.ANSWER_UPVOTE, 5, ReputationRule.ANSWER_ACCEPTED, 20), "alice", before);
        List<EventMessage<?>> changedFirst = new ArrayList<>(history());
        changedFirst.add(1, message("rules", fromTheStart));
        List<EventMessage<?>> changedLast = new ArrayList<>(history());
        changedLast.add(message("rules", fromTheStart));

        Map<String, List<Document>> built = harness.project("v2_from_the_start", changedFirst);
        Map<String, List<Document>> recomputed = harness.project("v2_recomputed", changedLast);
        for (String collection : List.of(ReputationCollections.TOTALS, ReputationCollections.CAUSES,
                ReputationCollections.VOTE_DAYS, ReputationCollections.THREAD_TAGS, ReputationCollections.LEADERBOARD)) {
            assertThat(recomputed.get(collection)).as(collection).isEqualTo(built.get(collection));
        }
        assertThat(totals(recomputed, "c1")).isNotEqualTo(totals(incremental, "c1"));
        // the recomputation is in the history: one RULES_CHANGED line per member whose figure moved; only bob's did
        // (an upvote on his answer now earns 5: 1 + 5; alice's question upvotes and chen's deleted answer are unchanged)
        assertThat(recomputed.get(ReputationCollections.HISTORY)).filteredOn(h -> h.getString("reason").equals("RULES_CHANGED"))
                .allSatisfy(h -> assertThat(h.getString("eventId")).isEqualTo(id("rules")))
                .extracting(h -> h.getString("memberId") + " " + h.getInteger("amount") + " " + h.getInteger("total"))
                .containsExactly("bob -5 6");
    }

    @Test
    void anUndeletedAnswerGetsBackWhatItsDeletionTook() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(history());
        events.add(message("undelete-a2", new PostUndeleted("q1", "a2", PostKind.ANSWER, "c1", "chen", null, "alice",
                NEXT_WEEK.plusSeconds(5))));
        Map<String, List<Document>> models = harness.project("undeleted", events);
        assertThat(totals(models, "c1")).containsEntry("chen", 26).containsEntry("alice", 23).containsEntry("dora", 3);
    }

    private ReputationQueries queries(String database) {
        var mongo = harness.mongo(database);
        return new ReputationQueries(mongo, new ReadConsistency(null, Duration.ZERO), new ReadAccess(mongo),
                new ReputationTotals(mongo));
    }

    private static List<String> board(ReputationQueries queries, LeaderboardPeriod period, String tag, Instant at) {
        return queries.leaderboard("c1", period, tag, at.toString(), 10, null, null, null).items().stream()
                .map(e -> e.rank() + " " + e.memberId() + " " + e.points()).toList();
    }

    private static Map<String, Integer> totals(Map<String, List<Document>> models, String communityId) {
        Map<String, Integer> totals = new HashMap<>();
        models.getOrDefault(ReputationCollections.TOTALS, List.of()).stream()
                .filter(d -> d.getString("communityId").equals(communityId) && d.get("total") != null)
                .forEach(d -> totals.put(d.getString("memberId"), d.getInteger("total")));
        return totals;
    }

    private static final Map<String, String> IDS = new HashMap<>();

    private static String id(String name) {
        return IDS.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(n.getBytes()).toString());
    }

    private static EventMessage<?> message(String name, Object payload) {
        return new GenericEventMessage<>(id(name), payload, Map.of(), T);
    }

    /**
     * alice asks q1 (axon, java); bob answers a1, chen a2. Votes, an acceptance moved from a1 to a2,
     * an edit by dora, then a2 deleted; next week a vote on q1. bob also earns in private c2.
     */
    static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        int n = 0;
        events.add(message("e" + n++, new CommunityCreated("c1", "Axon users", null, null, "alice", T)));
        events.add(message("e" + n++, new CommunityCreated("c2", "Secret", null, null, "bob", T)));
        events.add(message("e" + n++, new CommunityVisibilityChanged("c2", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE,
                "bob", T)));
        events.add(message("e" + n++, new MemberJoinedCommunity("c2", "bob", "Bob", CommunityRole.OWNER, "bob", T)));
        for (String member : List.of("alice", "bob", "chen", "dora")) {
            events.add(message("join-" + member, new MemberJoinedCommunity("c1", member, member,
                    member.equals("alice") ? CommunityRole.OWNER : CommunityRole.MEMBER, member, T)));
        }
        events.add(message("ask-q1", new QuestionAsked("q1", "c1", "How do I replay one processor?", "Body",
                List.of("axon", "java"), "alice", T)));
        events.add(message("answer-a1", new AnswerPosted("q1", "a1", "c1", "Reset it.", "bob", T.plusSeconds(1))));
        events.add(message("answer-a2", new AnswerPosted("q1", "a2", "c1", "Replay it.", "chen", T.plusSeconds(2))));
        events.add(message("vote-bob-q1", vote("q1", "q1", PostKind.QUESTION, "alice", "bob", 3)));
        events.add(message("vote-alice-a1", vote("q1", "a1", PostKind.ANSWER, "bob", "alice", 4)));
        events.add(message("vote-chen-a1", vote("q1", "a1", PostKind.ANSWER, "bob", "chen", 5)));
        events.add(message("vote-alice-a2", vote("q1", "a2", PostKind.ANSWER, "chen", "alice", 6)));
        events.add(message("accept-a1", new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T.plusSeconds(7))));
        events.add(message("retract-chen-a1", new VoteRetracted("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP,
                "chen", T.plusSeconds(8))));
        events.add(message("withdraw-a1", new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T.plusSeconds(9))));
        events.add(message("accept-a2", new AnswerAccepted("q1", "a2", "c1", "chen", "alice", T.plusSeconds(10))));
        events.add(message("edit-a2", new AnswerEdited("q1", "a2", "c1", "chen", 2, "Replay it, then check.", "clearer",
                null, List.of(), "dora", T.plusSeconds(11))));
        events.add(message("delete-a2", new PostDeleted("q1", "a2", PostKind.ANSWER, "c1", "chen", "wrong", "alice",
                T.plusSeconds(12))));
        events.add(message("vote-chen-q1", new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP,
                "chen", NEXT_WEEK)));
        events.add(message("ask-s1", new QuestionAsked("s1", "c2", "A secret question to vote on", "Body", List.of(), "bob",
                T)));
        events.add(message("vote-s1", new VoteCast("s1", "s1", PostKind.QUESTION, "c2", "bob", VoteDirection.UP, "zed", T)));
        return events;
    }

    private static VoteCast vote(String questionId, String postId, PostKind kind, String author, String voter, int second) {
        return new VoteCast(questionId, postId, kind, "c1", author, VoteDirection.UP, voter, T.plusSeconds(second));
    }
}
