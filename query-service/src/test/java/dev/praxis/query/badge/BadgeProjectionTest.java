package dev.praxis.query.badge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.query.ProjectionHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Badges fed real events through the real projection into the embedded MongoDB: participation,
 * post and tag badges with the event that earned each, reversals (a retracted vote, a deleted answer)
 * that move the statistics but take no badge back, idempotency, and the listener told of each badge
 * once per delivery of the event that earned it.
 */
class BadgeProjectionTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<BadgeAward> heard = new ArrayList<>();

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new BadgeProjection(mongo, List.<BadgeAwardListener>of(heard::add))));

    @Test
    void badgesAreEarnedByTheEventsThatCrossTheirThresholds() throws Exception {
        heard.clear();
        Map<String, List<Document>> models = harness.project("badges", history());

        List<String> bobs = ids(models, "bob");
        assertThat(bobs).containsExactlyInAnyOrder("c1|bob|TEACHER", "c1|bob|NICE_ANSWER|a1", "c1|bob|TAG|axon|BRONZE");
        Document tagBadge = badge(models, "c1|bob|TAG|axon|BRONZE");
        // 20 answers in axon, 5 upvotes each: the 100th point of score came with the last vote on a20
        assertThat(tagBadge.getString("eventId")).isEqualTo(id("vote-a20-v5"));
        assertThat(tagBadge.getString("rank")).isEqualTo("BRONZE");
        assertThat(tagBadge.getString("tag")).isEqualTo("axon");
        assertThat(badge(models, "c1|bob|NICE_ANSWER|a1").getString("eventId")).isEqualTo(id("vote-a1-v10"));
        assertThat(badge(models, "c1|bob|TEACHER").getString("eventId")).isEqualTo(id("vote-a1-v1"));
        assertThat(ids(models, "alice")).containsExactlyInAnyOrder("c1|alice|SCHOLAR", "c1|alice|STUDENT");
        assertThat(ids(models, "chen")).containsExactlyInAnyOrder("c1|chen|EDITOR", "c1|chen|COMMENTATOR", "c1|chen|SUPPORTER");
        assertThat(ids(models, "v1")).containsExactlyInAnyOrder("c1|v1|SUPPORTER", "c1|v1|CRITIC");
        assertThat(badge(models, "c1|chen|COMMENTATOR").getString("eventId")).isEqualTo(id("comment-10"));

        // the retracted vote and the deleted answer left the statistics; the badge stays, as on Stack Overflow
        Document stats = models.get(BadgeProjection.TAG_STATS).stream()
                .filter(d -> d.getString("_id").equals("c1|bob|axon")).findFirst().orElseThrow();
        assertThat(stats.getInteger("answers")).isEqualTo(19);
        assertThat(stats.getInteger("score")).isEqualTo(100 + 5 - 1 - 5);
        // the listener heard every badge once
        assertThat(heard).extracting(BadgeAward::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(models.get(BadgeProjection.BADGES).stream().map(d -> d.getString("_id")).toList());
    }

    @Test
    void anUndeletedAnswerCountsAgain() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>(history());
        events.add(message("undelete-a20", new PostUndeleted("q20", "a20", PostKind.ANSWER, "c1", "bob", null, "mod", T.plusSeconds(9999))));
        Map<String, List<Document>> models = harness.project("undeleted", events);
        Document stats = models.get(BadgeProjection.TAG_STATS).stream()
                .filter(d -> d.getString("_id").equals("c1|bob|axon")).findFirst().orElseThrow();
        assertThat(stats.getInteger("answers")).isEqualTo(20);
        assertThat(stats.getInteger("score")).isEqualTo(104);
    }

    @Test
    void deliveringEveryEventTwiceOrReplayingTheStreamChangesNothingAndAwardsOnce() throws Exception {
        List<EventMessage<?>> events = history();
        heard.clear();
        Map<String, List<Document>> once = harness.project("once", events);
        int awards = heard.size();

        // a listener hears of an award again only when the event that earned it comes again (the batch
        // that stored it may have stopped before the listener's writes); never of another event's
        heard.clear();
        assertThat(harness.project("each_twice", ProjectionHarness.eachTwice(events))).isEqualTo(once);
        assertThat(heard).hasSize(2 * awards);
        assertThat(heard.stream().map(BadgeAward::id).distinct()).hasSize(awards);
        heard.clear();
        assertThat(harness.project("stream_twice", ProjectionHarness.streamTwice(events))).isEqualTo(once);
        // the second pass finds each post at its final score: an award whose threshold a later event
        // undid (a retracted vote) is not reached again
        assertThat(heard.size()).isBetween(awards, 2 * awards);
        assertThat(heard.stream().map(BadgeAward::id).distinct()).hasSize(awards);
    }

    private static List<String> ids(Map<String, List<Document>> models, String memberId) {
        return models.get(BadgeProjection.BADGES).stream().filter(d -> d.getString("memberId").equals(memberId))
                .map(d -> d.getString("_id")).toList();
    }

    private static Document badge(Map<String, List<Document>> models, String id) {
        return models.get(BadgeProjection.BADGES).stream().filter(d -> d.getString("_id").equals(id)).findFirst().orElseThrow();
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes()).toString();
    }

    static EventMessage<?> message(String name, Object payload) {
        return new GenericEventMessage<>(id(name), payload, Map.of(), T);
    }

    /** 20 axon questions by alice, each answered by bob and upvoted 5 times; a1 5 more; chen edits and comments. */
    static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        int s = 0;
        for (int i = 1; i <= 20; i++) {
            events.add(message("ask-q" + i, new QuestionAsked("q" + i, "c1", "Question number " + i + " on axon", "Body",
                    List.of("axon"), "alice", T.plusSeconds(s++))));
            events.add(message("answer-a" + i, new AnswerPosted("q" + i, "a" + i, "c1", "Answer " + i, "bob", T.plusSeconds(s++))));
        }
        for (int i = 1; i <= 20; i++) {
            for (int v = 1; v <= 5; v++) {
                events.add(message("vote-a" + i + "-v" + v, new VoteCast("q" + i, "a" + i, PostKind.ANSWER, "c1", "bob",
                        VoteDirection.UP, "v" + v, T.plusSeconds(s++))));
            }
        }
        for (int v = 6; v <= 10; v++) {
            events.add(message("vote-a1-v" + v, new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP,
                    "v" + v, T.plusSeconds(s++))));
        }
        events.add(message("vote-q1-chen", new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", VoteDirection.UP,
                "chen", T.plusSeconds(s++))));
        events.add(message("down-q2-v1", new VoteCast("q2", "q2", PostKind.QUESTION, "c1", "alice", VoteDirection.DOWN,
                "v1", T.plusSeconds(s++))));
        events.add(message("retract-a2-v1", new VoteRetracted("q2", "a2", PostKind.ANSWER, "c1", "bob", VoteDirection.UP,
                "v1", T.plusSeconds(s++))));
        events.add(message("accept-a1", new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T.plusSeconds(s++))));
        events.add(message("edit-a1", new AnswerEdited("q1", "a1", "c1", "bob", 2, "Better", null, null, List.of(), "chen",
                T.plusSeconds(s++))));
        for (int k = 1; k <= 10; k++) {
            events.add(message("comment-" + k, new CommentAdded("q1", "k" + k, "q1", PostKind.QUESTION, "c1", "alice",
                    "Comment " + k, List.of(), "chen", T.plusSeconds(s++))));
        }
        events.add(message("delete-a20", new PostDeleted("q20", "a20", PostKind.ANSWER, "c1", "bob", "dup", "mod",
                T.plusSeconds(s++))));
        return events;
    }
}
