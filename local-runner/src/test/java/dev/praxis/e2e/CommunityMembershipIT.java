package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Community settings and membership end to end through GraphQL: every membership mutation, and the
 * refusals with their codes, each leaving the event count unchanged. The tests build on each
 * other's data, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityMembershipIT {

    private static final String MEMBER_FIELDS = "member { id displayName } role status restrictedUntil restrictionReason joinedAt";

    @TempDir
    static Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private final Map<String, String> tokens = new HashMap<>();
    private String communityId;

    @BeforeAll
    void start() {
        system = LocalSystem.start(LocalConfig.forTests(dataDir).build());
        api = new GraphQlCaller(system.gatewayUrl());
        for (String member : List.of("olga", "max", "mia", "sam", "bo", "pia", "rey", "rex")) {
            tokens.put(member, api.signIn(member, member.substring(0, 1).toUpperCase() + member.substring(1)));
        }
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theOwnerAppointsAModeratorAndChangesTheSettings() {
        communityId = data("olga", """
                mutation { createCommunity(input: {name: "Platform Guild", privilegePreset: TEAM}) { community { id visibility } } }""",
                Map.of()).at("/createCommunity/community/id").asText();
        for (String member : List.of("max", "mia", "sam", "bo")) {
            data(member, "mutation($id: ID!) { joinCommunity(input: {communityId: $id}) { community { id } } }", Map.of("id", communityId));
        }
        JsonNode promoted = data("olga", """
                mutation($c: ID!, $m: ID!) { changeMemberRole(input: {communityId: $c, memberId: $m, role: MODERATOR}) {
                  member { role status member { displayName } } } }""", Map.of("c", communityId, "m", member("max")));
        assertThat(promoted.at("/changeMemberRole/member/role").asText()).isEqualTo("MODERATOR");
        assertThat(promoted.at("/changeMemberRole/member/member/displayName").asText()).isEqualTo("Max");

        JsonNode described = data("max", """
                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, description: "Builders of the platform"}) {
                  community { description visibility } } }""", Map.of("c", communityId));
        assertThat(described.at("/changeCommunitySettings/community/description").asText()).isEqualTo("Builders of the platform");
        assertThat(described.at("/changeCommunitySettings/community/visibility").asText()).isEqualTo("PUBLIC");

        long before = StoreInspector.eventCount(system);
        assertRefused("mia", """
                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, description: "Mine now"}) { community { id } } }""",
                Map.of("c", communityId), "FORBIDDEN", "NOT_A_MODERATOR");
        assertRefused("max", """
                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, visibility: PRIVATE}) { community { id } } }""",
                Map.of("c", communityId), "FORBIDDEN", "OWNER_ONLY");
        assertRefused("max", """
                mutation($c: ID!, $m: ID!) { changeMemberRole(input: {communityId: $c, memberId: $m, role: MODERATOR}) { member { role } } }""",
                Map.of("c", communityId, "m", member("mia")), "FORBIDDEN", "OWNER_ONLY");
        assertRefused("olga", """
                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, thresholds: [{privilege: UPVOTE, threshold: -1}]}) { community { id } } }""",
                Map.of("c", communityId), "BAD_REQUEST", "INVALID_THRESHOLD");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode changed = data("olga", """
                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, visibility: PRIVATE,
                  thresholds: [{privilege: DOWNVOTE, threshold: 50}]}) { community { visibility } } }""", Map.of("c", communityId));
        assertThat(changed.at("/changeCommunitySettings/community/visibility").asText()).isEqualTo("PRIVATE");
    }

    @Test
    @Order(2)
    void aPrivateCommunityAdmitsByInvitationOrApprovedRequest() {
        long before = StoreInspector.eventCount(system);
        assertRefused("pia", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                Map.of("c", communityId), "FORBIDDEN", "INVITATION_REQUIRED");
        assertRefused("mia", "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", communityId, "m", member("pia")), "FORBIDDEN", "NOT_A_MODERATOR");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        data("max", "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", communityId, "m", member("pia")));
        JsonNode joined = data("pia", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { memberCount } } }",
                Map.of("c", communityId));
        assertThat(joined.at("/joinCommunity/community/memberCount").asInt()).isEqualTo(6);

        for (String requester : List.of("rey", "rex")) {
            data(requester, """
                    mutation($c: ID!) { requestMembership(input: {communityId: $c, message: "I run the build farm"}) { community { id } } }""",
                    Map.of("c", communityId));
        }
        JsonNode requests = data("max", """
                query($c: ID!) { membershipRequests(communityId: $c) { totalCount nodes { message displayName member { id } } } }""",
                Map.of("c", communityId)).at("/membershipRequests");
        assertThat(requests.get("totalCount").asInt()).isEqualTo(2);
        assertThat(requests.get("nodes")).extracting(n -> n.get("displayName").asText()).containsExactly("Rex", "Rey");
        assertThat(requests.at("/nodes/0/message").asText()).isEqualTo("I run the build farm");
        assertRefused("mia", "query($c: ID!) { membershipRequests(communityId: $c) { totalCount } }",
                Map.of("c", communityId), "FORBIDDEN", "NOT_A_MODERATOR");

        before = StoreInspector.eventCount(system);
        assertRefused("mia", """
                mutation($c: ID!, $m: ID!) { approveMembershipRequest(input: {communityId: $c, memberId: $m}) { member { role } } }""",
                Map.of("c", communityId, "m", member("rey")), "FORBIDDEN", "NOT_A_MODERATOR");
        assertRefused("max", """
                mutation($c: ID!, $m: ID!) { approveMembershipRequest(input: {communityId: $c, memberId: $m}) { member { role } } }""",
                Map.of("c", communityId, "m", member("pia")), "NOT_FOUND", "UNKNOWN_REQUEST");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode approved = data("max", """
                mutation($c: ID!, $m: ID!) { approveMembershipRequest(input: {communityId: $c, memberId: $m}) {
                  community { memberCount } member { role status member { displayName } } } }""",
                Map.of("c", communityId, "m", member("rey")));
        assertThat(approved.at("/approveMembershipRequest/member/role").asText()).isEqualTo("MEMBER");
        assertThat(approved.at("/approveMembershipRequest/member/status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.at("/approveMembershipRequest/community/memberCount").asInt()).isEqualTo(7);
        data("max", """
                mutation($c: ID!, $m: ID!) { rejectMembershipRequest(input: {communityId: $c, memberId: $m, reason: "Not yet"}) {
                  community { id } } }""", Map.of("c", communityId, "m", member("rex")));
        assertThat(data("olga", "query($c: ID!) { membershipRequests(communityId: $c) { totalCount } }", Map.of("c", communityId))
                .at("/membershipRequests/totalCount").asInt()).isZero();
    }

    @Test
    @Order(3)
    void aSuspendedMemberCannotWriteUntilTheSuspensionIsLifted() {
        String until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        long before = StoreInspector.eventCount(system);
        assertRefused("max", """
                mutation($c: ID!, $m: ID!, $u: DateTime!) { suspendMember(input: {communityId: $c, memberId: $m, reason: " ", until: $u}) {
                  member { status } } }""", Map.of("c", communityId, "m", member("sam"), "u", until), "BAD_REQUEST", "REASON_EMPTY");
        assertRefused("max", """
                mutation($c: ID!, $m: ID!, $u: DateTime!) { suspendMember(input: {communityId: $c, memberId: $m, reason: "Heated", until: $u}) {
                  member { status } } }""", Map.of("c", communityId, "m", member("sam"), "u", "2020-01-01T00:00:00Z"),
                "BAD_REQUEST", "UNTIL_NOT_IN_FUTURE");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode suspended = data("max", """
                mutation($c: ID!, $m: ID!, $u: DateTime!) { suspendMember(input: {communityId: $c, memberId: $m, reason: "Heated", until: $u}) {
                  member { status restrictedUntil restrictionReason } } }""", Map.of("c", communityId, "m", member("sam"), "u", until));
        assertThat(suspended.at("/suspendMember/member/status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.at("/suspendMember/member/restrictedUntil").asText()).isEqualTo(until);
        assertThat(suspended.at("/suspendMember/member/restrictionReason").asText()).isEqualTo("Heated");

        before = StoreInspector.eventCount(system);
        assertRefused("sam", ask(), Map.of("c", communityId), "FORBIDDEN", "SUSPENDED");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode lifted = data("max", """
                mutation($c: ID!, $m: ID!) { liftSuspension(input: {communityId: $c, memberId: $m}) { member { status } } }""",
                Map.of("c", communityId, "m", member("sam")));
        assertThat(lifted.at("/liftSuspension/member/status").asText()).isEqualTo("ACTIVE");
        assertRefused("max", """
                mutation($c: ID!, $m: ID!) { liftSuspension(input: {communityId: $c, memberId: $m}) { member { status } } }""",
                Map.of("c", communityId, "m", member("sam")), "CONFLICT", "NOT_SUSPENDED");
        assertThat(data("sam", ask(), Map.of("c", communityId)).at("/askQuestion/question/id").asText()).isNotBlank();
    }

    @Test
    @Order(4)
    void aBannedMemberIsRemovedAndCannotRejoinUntilUnbanned() {
        JsonNode banned = data("max", """
                mutation($c: ID!, $m: ID!) { banMember(input: {communityId: $c, memberId: $m, reason: "Spam"}) {
                  community { memberCount } member { status restrictedUntil restrictionReason } } }""",
                Map.of("c", communityId, "m", member("bo")));
        assertThat(banned.at("/banMember/member/status").asText()).isEqualTo("BANNED");
        assertThat(banned.at("/banMember/member/restrictedUntil").isNull()).isTrue();
        assertThat(banned.at("/banMember/community/memberCount").asInt()).isEqualTo(6);

        long before = StoreInspector.eventCount(system);
        assertRefused("bo", ask(), Map.of("c", communityId), "FORBIDDEN", "BANNED");
        assertRefused("bo", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                Map.of("c", communityId), "FORBIDDEN", "BANNED");
        assertRefused("max", """
                mutation($c: ID!, $m: ID!) { banMember(input: {communityId: $c, memberId: $m, reason: "Spam"}) { member { status } } }""",
                Map.of("c", communityId, "m", member("olga")), "FORBIDDEN", "OUTRANKED");
        assertRefused("mia", """
                mutation($c: ID!, $m: ID!) { unbanMember(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                Map.of("c", communityId, "m", member("bo")), "FORBIDDEN", "NOT_A_MODERATOR");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        data("olga", "mutation($c: ID!, $m: ID!) { unbanMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", communityId, "m", member("bo")));
        assertRefused("olga", "mutation($c: ID!, $m: ID!) { unbanMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                Map.of("c", communityId, "m", member("bo")), "CONFLICT", "NOT_BANNED");
        // unbanned, bo is no member: the private community wants an invitation again
        assertRefused("bo", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                Map.of("c", communityId), "FORBIDDEN", "INVITATION_REQUIRED");
    }

    @Test
    @Order(5)
    void membersLeaveButTheSoleOwnerStays() {
        long before = StoreInspector.eventCount(system);
        assertRefused("olga", "mutation($c: ID!) { leaveCommunity(input: {communityId: $c}) { community { id } } }",
                Map.of("c", communityId), "CONFLICT", "SOLE_OWNER");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);

        JsonNode left = data("mia", """
                mutation($c: ID!) { leaveCommunity(input: {communityId: $c}) { community { memberCount } member { memberships { role } } } }""",
                Map.of("c", communityId));
        // Having left the private community, mia may no longer read it: the payload has no community.
        assertThat(left.at("/leaveCommunity/community").isNull()).isTrue();
        assertThat(left.at("/leaveCommunity/member/memberships")).isEmpty();
        assertThat(data("olga", "query($c: ID!) { community(id: $c) { memberCount } }", Map.of("c", communityId))
                .at("/community/memberCount").asInt()).isEqualTo(5);

        // the members list: newest first, paged, with roles
        String page = """
                query($c: ID!, $after: String) { community(id: $c) { members(first: 2, after: $after) {
                  totalCount nodes { role status member { displayName } } pageInfo { hasNextPage endCursor } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("c", communityId);
            variables.put("after", after);
            JsonNode members = data("olga", page, variables).at("/community/members");
            assertThat(members.get("totalCount").asInt()).isEqualTo(5);
            members.get("nodes").forEach(n -> seen.add(n.at("/member/displayName").asText() + ":" + n.get("role").asText()
                    + ":" + n.get("status").asText()));
            more = members.at("/pageInfo/hasNextPage").asBoolean();
            after = members.at("/pageInfo/endCursor").asText();
        }
        assertThat(seen).containsExactly("Rey:MEMBER:ACTIVE", "Pia:MEMBER:ACTIVE", "Sam:MEMBER:ACTIVE",
                "Max:MODERATOR:ACTIVE", "Olga:OWNER:ACTIVE");
    }

    @Test
    @Order(6)
    void aCommunityFoundedRestrictedAdmitsNoUninvitedMember() {
        JsonNode restricted = data("olga", """
                mutation { createCommunity(input: {name: "Release Council", visibility: RESTRICTED}) { community { id visibility } } }""",
                Map.of()).at("/createCommunity/community");
        assertThat(restricted.get("visibility").asText()).isEqualTo("RESTRICTED");
        long before = StoreInspector.eventCount(system);
        assertRefused("mia", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                Map.of("c", restricted.get("id").asText()), "FORBIDDEN", "INVITATION_REQUIRED");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);
    }

    @Test
    @Order(7)
    void theOwnersThresholdsGateTheCommunity() {
        // DOWNVOTE needs 50 reputation since the owner's settings; the TEAM preset leaves UPVOTE ungated
        String question = data("olga", ask(), Map.of("c", communityId)).at("/askQuestion/question/id").asText();
        long before = StoreInspector.eventCount(system);
        assertRefused("rey", "mutation($q: ID!) { vote(input: {postId: $q, direction: DOWN}) { question { score } } }",
                Map.of("q", question), "FORBIDDEN", "MISSING_PRIVILEGE");
        assertThat(StoreInspector.eventCount(system)).isEqualTo(before);
        assertThat(data("rey", "mutation($q: ID!) { vote(input: {postId: $q, direction: UP}) { question { score } } }",
                Map.of("q", question)).at("/vote/question/score").asInt()).isEqualTo(1);
    }

    private static String ask() {
        return """
                mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "How do we pin the base images?", body: "Asking."}) {
                  question { id } } }""";
    }

    private JsonNode data(String member, String document, Map<String, ?> variables) {
        return api.data(tokens.get(member), document, variables);
    }

    private void assertRefused(String member, String document, Map<String, ?> variables, String classification, String code) {
        JsonNode response = api.call(tokens.get(member), document, variables);
        assertThat(response.get("errors")).as(response.toString()).isNotNull().hasSize(1);
        JsonNode error = response.get("errors").get(0);
        assertThat(error.at("/extensions/classification").asText()).as(error.toString()).isEqualTo(classification);
        assertThat(error.at("/extensions/code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    private static String member(String memberId) {
        return globalId("Member", memberId);
    }

    private static String globalId(String type, String rawId) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + rawId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
