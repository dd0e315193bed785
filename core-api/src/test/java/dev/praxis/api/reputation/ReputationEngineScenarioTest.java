package dev.praxis.api.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reputation rules against a scenario computed by hand (the comments carry the arithmetic): the
 * daily vote cap, the floor, a bounty, and the reversal of votes, an acceptance and a deletion.
 */
class ReputationEngineScenarioTest {

    private static final String C = "c";
    private static final Instant D1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant D2 = Instant.parse("2026-03-03T09:00:00Z");

    private final ReputationEngine engine = new ReputationEngine();
    private final InMemoryReputationLedger ledger = new InMemoryReputationLedger();
    private final List<ReputationChange> history = new ArrayList<>();
    private int sequence;

    private List<ReputationChange> apply(Object event) {
        List<ReputationChange> changes = engine.apply("e" + (++sequence), event, ledger);
        history.addAll(changes);
        return changes;
    }

    private int rep(String member) {
        return ledger.total(C, member);
    }

    @Test
    void capFloorBountyAndReversalsAddUpToTheHandComputedFigures() {
        apply(new QuestionAsked("q1", C, "Title q1 long enough", "b", List.of("java"), "ann", D1));
        apply(new QuestionAsked("q2", C, "Title q2 long enough", "b", List.of("java", "jvm"), "dan", D1));
        apply(up("q2", "q2", PostKind.QUESTION, "dan", "bob", D1));
        assertThat(rep("dan")).isEqualTo(11); // 1 + 10 for a question upvote

        // 21 upvotes on bob's answer the same UTC day: 20 earn 10 each (the cap of 200), the 21st nothing
        for (int i = 1; i <= 21; i++) {
            apply(up("q1", "a1", PostKind.ANSWER, "bob", voter(i), D1.plusSeconds(i)));
        }
        assertThat(rep("bob")).isEqualTo(201);
        ReputationChange capped = history.get(history.size() - 1);
        assertThat(capped.requested()).isEqualTo(10);
        assertThat(capped.amount()).isZero();
        assertThat(capped.total()).isEqualTo(201);

        // acceptance is exempt from the cap: bob +15, the asker +2
        apply(new AnswerAccepted("q1", "a1", C, "bob", "ann", D1.plusSeconds(100)));
        assertThat(rep("bob")).isEqualTo(216);
        assertThat(rep("ann")).isEqualTo(3);

        // a retracted vote gives back room under the cap, which the next vote uses
        apply(new VoteRetracted("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.UP, voter(1), D1.plusSeconds(200)));
        assertThat(rep("bob")).isEqualTo(206);
        apply(up("q1", "a1", PostKind.ANSWER, "bob", voter(22), D1.plusSeconds(201)));
        assertThat(rep("bob")).isEqualTo(216);
        // retracting the capped vote takes back what it granted: nothing
        assertThat(apply(new VoteRetracted("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.UP, voter(21),
                D1.plusSeconds(202)))).isEmpty();
        assertThat(rep("bob")).isEqualTo(216);
        assertThat(ledger.votePoints(C, "bob", LocalDate.parse("2026-03-02"))).isEqualTo(200);

        // the floor: carl has 1, a downvote would cost 2 but takes nothing; the downvoter pays 1
        List<ReputationChange> downvote = apply(down("q1", "a2", PostKind.ANSWER, "carl", "dan", D1.plusSeconds(300)));
        assertThat(downvote).extracting(ReputationChange::memberId, ReputationChange::requested, ReputationChange::amount,
                ReputationChange::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple("carl", -2, 0, 1), org.assertj.core.groups.Tuple.tuple("dan", -1, -1, 10));
        apply(up("q1", "a2", PostKind.ANSWER, "carl", "bob", D1.plusSeconds(301)));
        assertThat(rep("carl")).isEqualTo(11);
        // retracting the downvote gives back what it took: 0 to carl, 1 to dan
        apply(new VoteRetracted("q1", "a2", PostKind.ANSWER, C, "carl", VoteDirection.DOWN, "dan", D1.plusSeconds(302)));
        assertThat(rep("carl")).isEqualTo(11);
        assertThat(rep("dan")).isEqualTo(11);

        // a new UTC day, a new cap
        apply(up("q1", "a1", PostKind.ANSWER, "bob", voter(23), D2));
        assertThat(rep("bob")).isEqualTo(226);

        // a bounty of 100 moves from bob to carl, outside the cap
        apply(new BountyOffered("q2", 1, C, 100, D2.plusSeconds(7 * 86400), "bob", D2.plusSeconds(1)));
        assertThat(rep("bob")).isEqualTo(126);
        apply(new BountyAwarded("q2", 1, C, "a3", "carl", 100, "bob", D2.plusSeconds(2)));
        assertThat(rep("carl")).isEqualTo(111);

        // an edit of someone else's post earns the editor 2
        apply(new AnswerEdited("q1", "a1", C, "bob", 2, "better", "typo", null, List.of(), "eve", D2.plusSeconds(3)));
        assertThat(rep("eve")).isEqualTo(3);

        // deleting a1 takes back what its causes hold, in key order, down to the floor:
        // accept:a1 (bob -15 -> 111, ann -2 -> 1), edit (eve -2 -> 1), then 11 of bob's 21 votes (111 -> 1), the rest nothing
        List<ReputationChange> deletion = apply(new PostDeleted("q1", "a1", PostKind.ANSWER, C, "bob", "spam", "mod",
                D2.plusSeconds(4)));
        assertThat(rep("bob")).isEqualTo(1);
        assertThat(rep("ann")).isEqualTo(1);
        assertThat(rep("eve")).isEqualTo(1);
        assertThat(deletion).allSatisfy(change -> {
            assertThat(change.reversal()).isTrue();
            assertThat(change.eventType()).isEqualTo("PostDeleted");
            assertThat(change.postId()).isIn("a1");
        });
        assertThat(deletion.stream().filter(c -> c.memberId().equals("bob")).mapToInt(ReputationChange::amount).sum())
                .isEqualTo(-125);
        assertThat(ledger.votePoints(C, "bob", LocalDate.parse("2026-03-02"))).isZero();

        // undeleting gives back exactly what the deletion took
        apply(new PostUndeleted("q1", "a1", PostKind.ANSWER, C, "bob", null, "mod", D2.plusSeconds(5)));
        assertThat(rep("bob")).isEqualTo(126);
        assertThat(rep("ann")).isEqualTo(3);
        assertThat(rep("eve")).isEqualTo(3);
        assertThat(ledger.votePoints(C, "bob", LocalDate.parse("2026-03-02"))).isEqualTo(200);

        // withdrawing the acceptance takes back 15 and 2
        apply(new AnswerAcceptanceWithdrawn("q1", "a1", C, "bob", "ann", D2.plusSeconds(6)));
        assertThat(rep("bob")).isEqualTo(111);
        assertThat(rep("ann")).isEqualTo(1);

        // deleting q2 takes dan's question upvote; the bounty stays with carl
        apply(new PostDeleted("q2", "q2", PostKind.QUESTION, C, "dan", "off topic", "mod", D2.plusSeconds(7)));
        assertThat(rep("dan")).isEqualTo(1);
        assertThat(rep("carl")).isEqualTo(111);

        assertThat(ledger.totals(C)).containsExactlyInAnyOrderEntriesOf(
                Map.of("dan", 1, "bob", 111, "ann", 1, "carl", 111, "eve", 3));
        // the history adds up: every member's changes sum to their total minus the base
        Map<String, Integer> totals = ledger.totals(C);
        totals.forEach((member, total) -> assertThat(history.stream().filter(c -> c.memberId().equals(member))
                .mapToInt(ReputationChange::amount).sum()).isEqualTo(total - ReputationRules.BASE));
        // and every change names its event and the total after it
        ReputationChange last = history.get(history.size() - 1);
        assertThat(last.eventId()).isEqualTo("e" + sequence);
        assertThat(last.total()).isEqualTo(1);
        assertThat(last.reason()).isEqualTo(ReputationReason.QUESTION_UPVOTED);
    }

    @Test
    void aChangedVoteReversesTheOldOneAndAppliesTheNew() {
        apply(new QuestionAsked("q1", C, "Title q1 long enough", "b", List.of("java"), "ann", D1));
        apply(up("q1", "a1", PostKind.ANSWER, "bob", "zed", D1));
        apply(up("q1", "q1", PostKind.QUESTION, "ann", "bob", D1));
        apply(up("q1", "q1", PostKind.QUESTION, "ann", "zed", D1));
        assertThat(rep("bob")).isEqualTo(11);
        assertThat(rep("zed")).isEqualTo(1);
        // zed turns the answer upvote around: bob -10 then -2, zed -1 for downvoting an answer (from 1: floor)
        apply(new VoteChanged("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.UP, VoteDirection.DOWN, "zed", D1));
        assertThat(rep("bob")).isEqualTo(1);
        assertThat(rep("zed")).isEqualTo(1);
        apply(new VoteChanged("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.DOWN, VoteDirection.UP, "zed", D1));
        assertThat(rep("bob")).isEqualTo(11);
    }

    @Test
    void editsEarnUpToTheEditCapAndOwnEditsNothing() {
        ledger.withRules(C, new ReputationRules(2, ReputationPreset.STACK_OVERFLOW, Map.of(ReputationRule.EDIT_CAP, 3)));
        apply(new ArticlePublished("r1", C, "Title r1 long enough", "b", List.of("java"), "ann", D1));
        List<Integer> earned = new ArrayList<>();
        for (int revision = 2; revision <= 4; revision++) {
            earned.add(apply(new ArticleEdited("r1", C, "ann", revision, "Title r1 long enough", "b" + revision,
                    List.of("java"), List.of("body"), null, "eve", D1)).stream().mapToInt(ReputationChange::amount).sum());
        }
        assertThat(earned).containsExactly(2, 1, 0);
        assertThat(apply(new ArticleEdited("r1", C, "ann", 5, "Title r1 long enough", "mine", List.of("java"),
                List.of("body"), null, "ann", D1))).isEmpty();
        assertThat(rep("eve")).isEqualTo(4);
        assertThat(history.get(0).tags()).containsExactly("java");
        assertThat(history.get(0).rulesVersion()).isEqualTo(2);
    }

    @Test
    void theTeamPresetChargesNothingForDownvotes() {
        ledger.withRules(C, new ReputationRules(2, ReputationPreset.TEAM, null));
        apply(up("q1", "a1", PostKind.ANSWER, "bob", "v1", D1));
        apply(down("q1", "a1", PostKind.ANSWER, "bob", "v2", D1));
        assertThat(rep("bob")).isEqualTo(11);
        assertThat(rep("v2")).isEqualTo(1);
    }

    @Test
    void acceptingOnesOwnAnswerEarnsNothing() {
        assertThat(apply(new AnswerAccepted("q1", "a1", C, "ann", "ann", D1))).isEmpty();
        assertThat(apply(new AnswerAcceptanceWithdrawn("q1", "a1", C, "ann", "ann", D1))).isEmpty();
        assertThat(rep("ann")).isEqualTo(1);
    }

    @Test
    void aReplayUnderOtherRulesRecomputesTheSameHistory() {
        List<ReputationEngine.RecordedEvent> events = List.of(
                new ReputationEngine.RecordedEvent("e1", up("q1", "a1", PostKind.ANSWER, "bob", "v1", D1)),
                new ReputationEngine.RecordedEvent("e2", down("q1", "a1", PostKind.ANSWER, "bob", "v2", D1)),
                new ReputationEngine.RecordedEvent("e3", new AnswerAccepted("q1", "a1", C, "bob", "ann", D1)));
        var stackOverflow = engine.replay(C, ReputationRules.initial(), events);
        var custom = engine.replay(C, new ReputationRules(2, ReputationPreset.STACK_OVERFLOW,
                Map.of(ReputationRule.ANSWER_UPVOTE, 5, ReputationRule.ANSWER_ACCEPTED, 30)), events);
        assertThat(stackOverflow.ledger().totals(C)).containsEntry("bob", 24).containsEntry("ann", 3);
        assertThat(custom.ledger().totals(C)).containsEntry("bob", 34).containsEntry("ann", 3);
        assertThat(custom.changes()).allSatisfy(c -> assertThat(c.rulesVersion()).isEqualTo(2));
    }

    private static String voter(int i) {
        return String.format("v%02d", i);
    }

    private static VoteCast up(String questionId, String postId, PostKind kind, String author, String voter, Instant at) {
        return new VoteCast(questionId, postId, kind, C, author, VoteDirection.UP, voter, at);
    }

    private static VoteCast down(String questionId, String postId, PostKind kind, String author, String voter, Instant at) {
        return new VoteCast(questionId, postId, kind, C, author, VoteDirection.DOWN, voter, at);
    }

    @Test
    void anonymousHistoricalVotesCountForTheAuthorUnderTheCapAndNameNoVoter() {
        apply(new QuestionAsked("q1", C, "Title q1 long enough", "b", List.of("java"), "ann", D1));
        // 25 anonymous upvotes on bob's answer on one UTC day: 20 earn 10 each (the daily cap), then nothing
        for (int i = 1; i <= 25; i++) {
            apply(new AnonymousVoteRecorded("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.UP, "importer",
                    D1.plusSeconds(i)));
        }
        assertThat(rep("bob")).isEqualTo(201);
        // a question upvote the next day (+10 on a question) and two downvotes (-2 each): no one pays for casting
        apply(new AnonymousVoteRecorded("q1", "q1", PostKind.QUESTION, C, "ann", VoteDirection.UP, "importer", D2));
        apply(new AnonymousVoteRecorded("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.DOWN, "importer", D2));
        apply(new AnonymousVoteRecorded("q1", "a1", PostKind.ANSWER, C, "bob", VoteDirection.DOWN, "importer", D2));
        assertThat(rep("ann")).isEqualTo(11);
        assertThat(rep("bob")).isEqualTo(197);
        assertThat(ledger.totals(C)).doesNotContainKey("importer");
        assertThat(history).allSatisfy(change -> assertThat(change.memberId()).isIn("ann", "bob"));
        // a deleted answer suspends what its anonymous votes earned, like any vote's
        apply(new PostDeleted("q1", "a1", PostKind.ANSWER, C, "bob", null, "ann", D2.plusSeconds(60)));
        assertThat(rep("bob")).isEqualTo(1);
    }
}
