package dev.praxis.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRulesChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A community's members and moderators, and a member's reputation and privileges, at moments
 * between joins, votes, an accept, a promotion, sanctions and a change of the reputation rules; and
 * as of now, the same as the read models show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.query.consistency-timeout=60s")
class CommunityAsOfTest extends EventStoreFixture {

    @Test
    void membersModeratorsReputationAndPrivilegesAtEachMoment() throws Exception {
        Instant t = base();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        String carol = "carol-" + suffix;
        String dave = "dave-" + suffix;
        String c = "c-" + UUID.randomUUID();
        String q = "q-" + UUID.randomUUID();
        String a = q + "-a";
        append(c, new CommunityCreated(c, "Kotlin Guild", null, null, alice, t), t);
        append(c, new MemberJoinedCommunity(c, alice, "Alice", CommunityRole.OWNER, alice, t), t);
        Instant t1 = t.plusSeconds(60);
        append(c, new MemberJoinedCommunity(c, bob, "Bob", CommunityRole.MEMBER, bob, t1), t1);
        append(c, new MemberJoinedCommunity(c, carol, "Carol", CommunityRole.MEMBER, carol, t1.plusSeconds(1)), t1.plusSeconds(1));
        Instant t2 = t.plusSeconds(120);
        append(q, new QuestionAsked(q, c, "Coroutines or threads?", "Which?", List.of("kotlin"), alice, t2), t2);
        Instant t3 = t.plusSeconds(180);
        append(q, new AnswerPosted(q, a, c, "Coroutines.", bob, t3), t3);
        append(q, new VoteCast(q, a, PostKind.ANSWER, c, bob, VoteDirection.UP, alice, t3), t3);
        Instant t4 = t.plusSeconds(240);
        append(q, new AnswerAccepted(q, a, c, bob, alice, t4), t4);
        Instant t5 = t.plusSeconds(300);
        append(c, new MemberRoleChanged(c, bob, CommunityRole.MEMBER, CommunityRole.MODERATOR, alice, t5), t5);
        append(c, new MemberSuspended(c, carol, "Rude replies", t5.plus(Duration.ofDays(1)), alice, t5), t5);
        Instant t6 = t.plusSeconds(360);
        append(c, new ReputationRulesChanged(c, 2, ReputationPreset.STACK_OVERFLOW, Map.of(ReputationRule.ANSWER_UPVOTE, 20),
                alice, t6), t6);
        Instant t7 = t.plusSeconds(420);
        append(c, new MemberLeftCommunity(c, carol, carol, t7), t7);
        long last = append(c, new MemberBanned(c, dave, "Spam", t7.plus(Duration.ofHours(1)), false, alice, t7), t7);
        awaitProjections(last);
        String members = "/pointintime/communities/" + c + "/members?asOf=";

        assertError(members + t.minusSeconds(1), 404, "UNKNOWN_COMMUNITY");
        assertThat(ids(get(members + t.plusSeconds(30)))).containsExactly(alice);
        JsonNode early = get(members + t1.plusSeconds(30));
        assertThat(ids(early)).containsExactly(carol, bob, alice);
        assertThat(early.at("/value/totalCount").asInt()).isEqualTo(3);
        assertThat(early.at("/asOf").asText()).isEqualTo(t1.plusSeconds(30).toString());
        // pages of a moment
        JsonNode first = get(members + t1.plusSeconds(30) + "&first=2");
        assertThat(ids(first)).containsExactly(carol, bob);
        assertThat(first.at("/value/hasNextPage").asBoolean()).isTrue();
        assertThat(ids(get(members + t1.plusSeconds(30) + "&first=2&after=" + first.at("/value/endCursor").asText())))
                .containsExactly(alice);

        String moderators = "&role=OWNER&role=MODERATOR";
        assertThat(ids(get(members + t4.plusSeconds(30) + moderators))).containsExactly(alice);
        JsonNode promoted = get(members + t5.plusSeconds(30) + moderators);
        assertThat(ids(promoted)).containsExactly(bob, alice);

        JsonNode sanctioned = get(members + t5.plusSeconds(30));
        JsonNode carols = sanctioned.at("/value/items/0");
        assertThat(carols.get("memberId").asText()).isEqualTo(carol);
        assertThat(carols.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(carols.get("restrictionReason").isNull()).as("the reason is for moderators and the member").isTrue();
        assertThat(get(members + t5.plusSeconds(30) + "&viewer=" + alice).at("/value/items/0/restrictionReason").asText())
                .isEqualTo("Rude replies");
        assertThat(get(members + t4.plusSeconds(30)).at("/value/items/0/status").asText()).isEqualTo("ACTIVE");

        JsonNode late = get(members + t7.plusSeconds(30));
        assertThat(ids(late)).containsExactly(dave, bob, alice);
        assertThat(late.at("/value/items/0/status").asText()).isEqualTo("BANNED");
        assertThat(ids(get(members + t7.plus(Duration.ofHours(2))))).as("the ban had run out").containsExactly(bob, alice);

        // reputation: +10 for the upvote, +15 for the accept, then the upvote re-valued at 20 by the rules change
        String reputation = "/pointintime/members/" + bob + "/reputation?asOf=";
        assertThat(get(reputation + t2).at("/value/total").asInt()).isEqualTo(1);
        assertThat(get(reputation + t2).at("/value/communities")).isEmpty();
        assertThat(get(reputation + t3.plusSeconds(30)).at("/value/total").asInt()).isEqualTo(11);
        assertThat(get(reputation + t4.plusSeconds(30)).at("/value/communities/0/reputation").asInt()).isEqualTo(26);
        assertThat(get(reputation + t6.plusSeconds(30)).at("/value/total").asInt()).isEqualTo(36);
        assertThat(get("/pointintime/members/" + alice + "/reputation?asOf=" + t4.plusSeconds(30)).at("/value/total").asInt())
                .isEqualTo(3);

        // privileges: UPVOTE needs 15 under Stack Overflow's thresholds; a moderator holds everything
        String privileges = "/pointintime/communities/" + c + "/privileges?member=" + bob + "&asOf=";
        assertThat(held(get(privileges + t3.plusSeconds(30)), "UPVOTE")).isFalse();
        assertThat(held(get(privileges + t3.plusSeconds(30)), "CREATE_TAG")).isFalse();
        assertThat(held(get(privileges + t4.plusSeconds(30)), "UPVOTE")).isTrue();
        assertThat(held(get(privileges + t4.plusSeconds(30)), "CREATE_TAG")).isFalse();
        JsonNode moderator = get(privileges + t5.plusSeconds(30));
        assertThat(moderator.at("/value/role").asText()).isEqualTo("MODERATOR");
        assertThat(held(moderator, "CREATE_TAG")).isTrue();
        assertThat(get(privileges + t.plusSeconds(30)).at("/value/role").isNull()).as("not a member yet").isTrue();

        // the feed and the experts: rebuilt by their own projections as of the moment
        String feed = "/pointintime/communities/" + c + "/feed?asOf=";
        assertThat(get(feed + t1.plusSeconds(30)).at("/value/items")).isEmpty();
        JsonNode asked = get(feed + t2.plusSeconds(30));
        assertThat(asked.at("/value/items/0/postId").asText()).isEqualTo(q);
        assertThat(asked.at("/value/items/0/title").asText()).isEqualTo("Coroutines or threads?");
        assertThat(get(feed + t2.plusSeconds(30) + "&order=UNANSWERED").at("/value/items")).hasSize(1);
        assertThat(get(feed + t3.plusSeconds(30) + "&order=UNANSWERED").at("/value/items")).as("answered by then").isEmpty();
        String experts = "/pointintime/communities/" + c + "/experts?topic=kotlin&asOf=";
        assertThat(get(experts + t2.plusSeconds(30)).at("/value/items")).isEmpty();
        JsonNode expert = get(experts + t4.plusSeconds(30));
        assertThat(expert.at("/value/items/0/memberId").asText()).isEqualTo(bob);
        double then = expert.at("/value/items/0/score").asDouble();
        assertThat(then).as("an upvote and an accept, barely decayed").isBetween(4.9, 5.0);
        // a moment 180 days later would halve it; a moment an hour later barely changes it
        assertThat(get(experts + t4.plus(Duration.ofHours(1))).at("/value/items/0/score").asDouble()).isLessThan(then);
        assertError(feed + t.minusSeconds(1), 404, "UNKNOWN_COMMUNITY");

        // now: the same as the read models
        Instant now = Instant.now();
        assertThat(get(feed + now + "&order=ACTIVE").get("value")).isEqualTo(get("/communities/" + c + "/feed?order=ACTIVE"));
        assertThat(get("/pointintime/members/" + bob + "/reputation?asOf=" + now).get("value"))
                .isEqualTo(post("/reputation/batch", "{\"ids\": [\"" + bob + "\"]}").get(0));
        assertThat(get(privileges + now).get("value")).isEqualTo(get("/communities/" + c + "/privileges?member=" + bob));
        assertThat(get(members + now + "&viewer=" + alice).get("value"))
                .isEqualTo(get("/communities/" + c + "/members?viewer=" + alice));
    }

    private static List<String> ids(JsonNode asOf) {
        List<String> ids = new ArrayList<>();
        asOf.at("/value/items").forEach(m -> ids.add(m.get("memberId").asText()));
        return ids;
    }

    private static boolean held(JsonNode asOf, String privilege) {
        for (JsonNode p : asOf.at("/value/privileges")) {
            if (p.get("privilege").asText().equals(privilege)) {
                return p.get("held").asBoolean();
            }
        }
        throw new AssertionError("no privilege " + privilege);
    }
}
