package dev.praxis.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A question as it read at moments between its edits, votes, accepts and closing, through the query
 * service's HTTP API over a real event store; and the guard against drift: after every event of a
 * varied history, the point-in-time answer at that position equals what the read model shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.query.consistency-timeout=60s")
class QuestionAsOfTest extends EventStoreFixture {

    private Instant T;

    private Instant at(int minutes, int seconds) {
        return T.plusSeconds(minutes * 60L + seconds);
    }

    @Test
    void eachMomentAnswersTheQuestionAsItReadThen() throws Exception {
        T = base();
        String c = "c-" + UUID.randomUUID();
        String q = "q-" + UUID.randomUUID();
        String a1 = q + "-a1";
        String a2 = q + "-a2";
        append(c, new CommunityCreated(c, "Rust Guild", null, null, "alice", at(0, 0)), at(0, 0));
        append(c, new MemberJoinedCommunity(c, "alice", "Alice", CommunityRole.OWNER, "alice", at(0, 0)), at(0, 0));
        append(c, new MemberJoinedCommunity(c, "bob", "Bob", CommunityRole.MEMBER, "bob", at(0, 0)), at(0, 0));
        append(c, new MemberJoinedCommunity(c, "carol", "Carol", CommunityRole.MEMBER, "carol", at(0, 0)), at(0, 0));
        append(q, new QuestionAsked(q, c, "Borrow checker and async?", "First body", List.of("rust"), "alice", at(1, 0)), at(1, 0));
        append(q, new AnswerPosted(q, a1, c, "Use Arc.", "bob", at(2, 0)), at(2, 0));
        append(q, new VoteCast(q, q, PostKind.QUESTION, c, "alice", VoteDirection.UP, "bob", at(3, 0)), at(3, 0));
        append(q, new VoteCast(q, a1, PostKind.ANSWER, c, "bob", VoteDirection.UP, "alice", at(3, 10)), at(3, 10));
        append(q, new QuestionEdited(q, c, "alice", 2, "Borrow checker across await points?", "Second body",
                List.of("rust", "async"), List.of("title", "body", "tags"), "clearer", null, List.of(), "alice", at(4, 0)), at(4, 0));
        append(q, new AnswerPosted(q, a2, c, "Use a channel.", "carol", at(5, 0)), at(5, 0));
        append(q, new VoteCast(q, a2, PostKind.ANSWER, c, "carol", VoteDirection.DOWN, "bob", at(5, 10)), at(5, 10));
        append(q, new AnswerAccepted(q, a1, c, "bob", "alice", at(6, 0)), at(6, 0));
        append(q, new VoteChanged(q, q, PostKind.QUESTION, c, "alice", VoteDirection.UP, VoteDirection.DOWN, "bob", at(7, 0)), at(7, 0));
        append(q, new QuestionClosed(q, c, CloseReason.DUPLICATE, "q-older", "alice", at(7, 10)), at(7, 10));
        append(q, new AnswerEdited(q, a2, c, "carol", 2, "Use a channel, or Arc<Mutex>.", "more", null, List.of(), "carol", at(8, 0)), at(8, 0));
        append(q, new AnswerAcceptanceWithdrawn(q, a1, c, "bob", "alice", at(8, 10)), at(8, 10));
        append(q, new AnswerAccepted(q, a2, c, "carol", "alice", at(8, 10)), at(8, 10));
        long last = append(q, new QuestionReopened(q, c, "alice", at(8, 20)), at(8, 20));
        awaitProjections(last);

        // before the community existed, and before the question was asked: it did not exist
        assertError(asOf(q, T.minusSeconds(1)), 404, "UNKNOWN_QUESTION");
        assertError(asOf(q, at(0, 30)), 404, "UNKNOWN_QUESTION");

        JsonNode asked = get(asOf(q, at(1, 30)));
        assertThat(asked.at("/asOf").asText()).isEqualTo(at(1, 30).toString());
        assertThat(asked.at("/question/title").asText()).isEqualTo("Borrow checker and async?");
        assertThat(asked.at("/question/body").asText()).isEqualTo("First body");
        assertThat(asked.at("/question/score").asInt()).isZero();
        assertThat(asked.at("/question/answerIds")).isEmpty();
        assertThat(asked.at("/question/revisionCount").asInt()).isEqualTo(1);
        assertThat(asked.at("/answers")).isEmpty();

        // exactly at an event's time: that event is part of the moment
        JsonNode voted = get(asOf(q, at(3, 10)));
        assertThat(voted.at("/question/score").asInt()).isEqualTo(1);
        assertThat(voted.at("/answers/0/id").asText()).isEqualTo(a1);
        assertThat(voted.at("/answers/0/score").asInt()).isEqualTo(1);
        assertThat(voted.at("/question/title").asText()).isEqualTo("Borrow checker and async?");
        JsonNode justBefore = get(asOf(q, at(3, 9)));
        assertThat(justBefore.at("/answers/0/score").asInt()).isZero();
        assertThat(justBefore.at("/position").asLong()).isEqualTo(voted.at("/position").asLong() - 1);

        JsonNode edited = get(asOf(q, at(4, 30)));
        assertThat(edited.at("/question/title").asText()).isEqualTo("Borrow checker across await points?");
        assertThat(edited.at("/question/body").asText()).isEqualTo("Second body");
        assertThat(edited.at("/question/tags").toString()).isEqualTo("[\"rust\",\"async\"]");
        assertThat(edited.at("/question/revisionCount").asInt()).isEqualTo(2);
        assertThat(edited.at("/question/acceptedAnswerId").isNull()).isTrue();

        JsonNode accepted = get(asOf(q, at(6, 30)));
        assertThat(accepted.at("/question/acceptedAnswerId").asText()).isEqualTo(a1);
        assertThat(accepted.at("/question/answerIds").toString()).isEqualTo("[\"" + a1 + "\",\"" + a2 + "\"]");
        assertThat(answer(accepted, a1).at("/accepted").asBoolean()).isTrue();
        assertThat(answer(accepted, a2).at("/score").asInt()).isEqualTo(-1);
        assertThat(accepted.at("/question/closed").asBoolean()).isFalse();
        assertThat(accepted.at("/question/score").asInt()).isEqualTo(1);

        JsonNode closed = get(asOf(q, at(7, 30)));
        assertThat(closed.at("/question/closed").asBoolean()).isTrue();
        assertThat(closed.at("/question/closeReason").asText()).isEqualTo("DUPLICATE");
        assertThat(closed.at("/question/duplicateOfQuestionId").asText()).isEqualTo("q-older");
        assertThat(closed.at("/question/score").asInt()).as("bob turned his vote around").isEqualTo(-1);
        assertThat(answer(closed, a2).at("/body").asText()).isEqualTo("Use a channel.");

        JsonNode reopened = get(asOf(q, at(9, 0)));
        assertThat(reopened.at("/question/closed").asBoolean()).isFalse();
        assertThat(reopened.at("/question/closeReason").isNull()).isTrue();
        assertThat(reopened.at("/question/acceptedAnswerId").asText()).isEqualTo(a2);
        assertThat(answer(reopened, a1).at("/accepted").asBoolean()).isFalse();
        assertThat(answer(reopened, a2).at("/accepted").asBoolean()).isTrue();
        assertThat(answer(reopened, a2).at("/body").asText()).isEqualTo("Use a channel, or Arc<Mutex>.");
        assertThat(answer(reopened, a2).at("/revisionCount").asInt()).isEqualTo(2);

        // by position: the same moment as the instant that maps to it
        JsonNode byPosition = get("/pointintime/questions/" + q + "?position=" + accepted.at("/position").asLong());
        assertThat(byPosition.get("question")).isEqualTo(accepted.get("question"));
        assertThat(byPosition.get("answers")).isEqualTo(accepted.get("answers"));

        // now: what the read model shows
        JsonNode now = get("/pointintime/questions/" + q + "?asOf=" + Instant.now());
        assertThat(now.get("question")).isEqualTo(get("/questions/" + q));
        assertThat(now.get("answers")).isEqualTo(post("/answers/batch", "{\"ids\": [\"" + a1 + "\", \"" + a2 + "\"]}"));
    }

    @Test
    void badMomentsAreTypedAndPrivateCommunitiesStayPrivate() throws Exception {
        String c = "c-" + UUID.randomUUID();
        String q = "q-" + UUID.randomUUID();
        Instant t = base();
        append(c, new CommunityCreated(c, "Secret Guild", null, null, "alice", t), t);
        append(c, new MemberJoinedCommunity(c, "alice", "Alice", CommunityRole.OWNER, "alice", t), t);
        append(c, new CommunityVisibilityChanged(c, CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "alice", t), t);
        long last = append(q, new QuestionAsked(q, c, "A private question here", "Body", List.of(), "alice", t.plusSeconds(60)),
                t.plusSeconds(60));
        awaitProjections(last);
        String moment = "?asOf=" + t.plusSeconds(120);

        assertThat(get("/pointintime/questions/" + q + moment + "&viewer=alice").at("/question/title").asText())
                .isEqualTo("A private question here");
        assertError("/pointintime/questions/" + q + moment, 404, "UNKNOWN_QUESTION");
        assertError("/pointintime/questions/" + q + moment + "&viewer=mallory", 404, "UNKNOWN_QUESTION");

        assertError("/pointintime/questions/" + q + "?asOf=" + Instant.now().plusSeconds(3600), 400, "AS_OF_IN_FUTURE");
        assertError("/pointintime/questions/" + q + "?asOf=yesterday", 400, "INVALID_AS_OF");
        assertThat(get("/pointintime/questions/" + q + "?viewer=alice").at("/question/title").asText())
                .as("no moment is now").isEqualTo("A private question here");
        assertError("/pointintime/questions/" + q + moment + "&position=3", 400, "INVALID_AS_OF");
        assertError("/pointintime/questions/" + q + "?position=-1", 400, "INVALID_AS_OF");
        assertError("/pointintime/questions/nope" + moment, 404, "UNKNOWN_QUESTION");
    }

    /**
     * The guard against drift between the fold and the projection: a varied history (answers, votes
     * cast, turned and taken back, edits, accepts and withdrawals, deletions, endorsements, closing
     * and locking), and after every event the point-in-time answer at its position equals the
     * question and answers that the real projection shows at that position.
     */
    @Test
    void atEveryPositionTheAnswerEqualsTheReadModel() throws Exception {
        String c = "c-" + UUID.randomUUID();
        String q = "q-" + UUID.randomUUID();
        List<String> members = List.of("m0", "m1", "m2", "m3", "m4");
        Instant t = base();
        append(c, new CommunityCreated(c, "Drift Guild", null, null, "m0", t), t);
        for (String m : members) {
            append(c, new MemberJoinedCommunity(c, m, m, m.equals("m0") ? CommunityRole.OWNER : CommunityRole.MEMBER, m, t), t);
        }
        History history = new History(q, c, members, new Random(6), t);
        long position = append(q, history.ask(), history.now);
        for (int i = 0; ; i++) {
            awaitProjections(position);
            JsonNode asOf = get("/pointintime/questions/" + q + "?position=" + position);
            assertThat(asOf.get("question")).as("question after event " + i).isEqualTo(get("/questions/" + q));
            ArrayNode ids = JSON.createArrayNode();
            history.answers.forEach(ids::add);
            JsonNode present = post("/answers/batch", "{\"ids\": " + ids + "}");
            assertThat(byId(asOf.get("answers"))).as("answers after event " + i).isEqualTo(byId(present));
            if (i == 70) {
                break;
            }
            PraxisEvent event = history.next();
            position = append(q, event, event.occurredAt());
        }
        assertThat(history.kinds).as("the history exercised every kind of event").hasSizeGreaterThanOrEqualTo(14);
    }

    private static Map<String, JsonNode> byId(JsonNode answers) {
        Map<String, JsonNode> byId = new HashMap<>();
        answers.forEach(a -> byId.put(a.get("id").asText(), a));
        return byId;
    }

    private static String asOf(String questionId, Instant instant) {
        return "/pointintime/questions/" + questionId + "?asOf=" + instant;
    }

    private static JsonNode answer(JsonNode asOf, String answerId) {
        for (JsonNode answer : asOf.get("answers")) {
            if (answer.get("id").asText().equals(answerId)) {
                return answer;
            }
        }
        throw new AssertionError("no answer " + answerId + " in " + asOf);
    }

    /** A random but valid history of one question, as the question aggregate would let it happen. */
    static final class History {
        final String q;
        final String c;
        final List<String> members;
        final Random random;
        final List<String> answers = new ArrayList<>();
        final Map<String, String> authors = new HashMap<>();
        final Map<String, VoteDirection> votes = new HashMap<>();
        final Map<String, Boolean> deleted = new HashMap<>();
        final Map<String, Integer> revisions = new HashMap<>();
        final java.util.Set<String> endorsements = new java.util.HashSet<>();
        final java.util.Set<String> kinds = new java.util.TreeSet<>();
        String accepted;
        boolean closed;
        boolean locked;

        Instant now;

        History(String q, String c, List<String> members, Random random, Instant start) {
            this.now = start;
            this.q = q;
            this.c = c;
            this.members = members;
            this.random = random;
        }

        PraxisEvent ask() {
            authors.put(q, "m0");
            revisions.put(q, 1);
            return new QuestionAsked(q, c, "A question that changes", "Body 1", List.of("t1"), "m0", now);
        }

        PraxisEvent next() {
            PraxisEvent event = pick();
            kinds.add(event.getClass().getSimpleName());
            return event;
        }

        private PraxisEvent pick() {
            now = now.plusMillis(1500);
            String actor = members.get(random.nextInt(members.size()));
            while (true) {
                int kind = random.nextInt(14);
                if (kind == 0 || answers.isEmpty()) {
                    String a = q + "-a" + answers.size();
                    answers.add(a);
                    authors.put(a, actor);
                    revisions.put(a, 1);
                    return new AnswerPosted(q, a, c, "Answer body of " + a, actor, now);
                }
                String answer = answers.get(random.nextInt(answers.size()));
                String post = random.nextBoolean() ? q : answer;
                PostKind postKind = post.equals(q) ? PostKind.QUESTION : PostKind.ANSWER;
                String vote = post + "/" + actor;
                switch (kind) {
                    case 1, 2 -> {
                        VoteDirection previous = votes.get(vote);
                        VoteDirection direction = random.nextBoolean() ? VoteDirection.UP : VoteDirection.DOWN;
                        if (previous == null) {
                            votes.put(vote, direction);
                            return new VoteCast(q, post, postKind, c, authors.get(post), direction, actor, now);
                        }
                        if (previous != direction) {
                            votes.put(vote, direction);
                            return new VoteChanged(q, post, postKind, c, authors.get(post), previous, direction, actor, now);
                        }
                        votes.remove(vote);
                        return new VoteRetracted(q, post, postKind, c, authors.get(post), previous, actor, now);
                    }
                    case 3 -> {
                        int revision = revisions.merge(q, 1, Integer::sum);
                        return new QuestionEdited(q, c, "m0", revision, "Title at revision " + revision, "Body " + revision,
                                List.of("t" + revision), List.of("title", "body", "tags"), null, null, List.of(), actor, now);
                    }
                    case 4 -> {
                        int revision = revisions.merge(answer, 1, Integer::sum);
                        return new AnswerEdited(q, answer, c, authors.get(answer), revision, "Answer at revision " + revision,
                                null, null, List.of(), actor, now);
                    }
                    case 5 -> {
                        if (answer.equals(accepted)) {
                            accepted = null;
                            return new AnswerAcceptanceWithdrawn(q, answer, c, authors.get(answer), "m0", now);
                        }
                        if (accepted != null) {
                            String previous = accepted;
                            accepted = null;
                            return new AnswerAcceptanceWithdrawn(q, previous, c, authors.get(previous), "m0", now);
                        }
                        accepted = answer;
                        return new AnswerAccepted(q, answer, c, authors.get(answer), "m0", now);
                    }
                    case 6, 7 -> {
                        String endorsement = answer + "/" + actor;
                        if (endorsements.remove(endorsement)) {
                            return new AnswerEndorsementWithdrawn(q, answer, c, authors.get(answer), actor, now);
                        }
                        endorsements.add(endorsement);
                        return new AnswerEndorsed(q, answer, c, authors.get(answer), "Good one", actor, now);
                    }
                    case 8, 9 -> {
                        boolean isDeleted = deleted.getOrDefault(post, false);
                        deleted.put(post, !isDeleted);
                        return isDeleted
                                ? new PostUndeleted(q, post, postKind, c, authors.get(post), null, "m0", now)
                                : new PostDeleted(q, post, postKind, c, authors.get(post), "spam", "m0", now);
                    }
                    case 10, 11 -> {
                        closed = !closed;
                        return closed ? new QuestionClosed(q, c, CloseReason.OFF_TOPIC, null, "m0", now)
                                : new QuestionReopened(q, c, "m0", now);
                    }
                    case 12, 13 -> {
                        locked = !locked;
                        return locked ? new QuestionLocked(q, c, "heated", "m0", now) : new QuestionUnlocked(q, c, "calm", "m0", now);
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
