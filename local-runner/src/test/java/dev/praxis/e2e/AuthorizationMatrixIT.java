package dev.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.local.LocalConfig;
import dev.praxis.local.LocalSystem;
import dev.praxis.local.Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read and do what, through the public API: every query path and every mutation, as an
 * anonymous caller, a non-member, a member, a moderator and the owner, on a public and on a private
 * community. One system start, one setup; the expectations are the tables below, one row per path,
 * one cell per role.
 *
 * <p>A cell is {@link #SEES} (no error, the community's content is in the answer), {@link #HIDDEN}
 * (no error, and none of it), {@link #OK} (no error) or an error as {@code "CLASSIFICATION CODE"}.
 * A private community's content is invisible to a non-member on every path, and answers exactly as
 * content that does not exist ({@code NOT_FOUND}), so that its existence does not leak.
 *
 * <p>Mutations run in two passes. First every refused cell, each of which must write no event:
 * they all meet the state the setup left. Then, row by row, the first allowed cell of each row (the
 * least privileged role that may), which changes the state for the rows after it, so the rows are in
 * an order where that holds (destructive ones last). Allowed cells of the more privileged roles are
 * not run a second time: owners and moderators hold every privilege of a member.
 *
 * <p>The roles: {@code mel} is a member and wrote the question, its comment and the article;
 * {@code mona} moderates and wrote the answers and offered the bounty; {@code olga} founded the
 * community; {@code nick} belongs to neither community.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    enum Role {
        ANONYMOUS(null), NON_MEMBER("nick"), MEMBER("mel"), MODERATOR("mona"), OWNER("olga");

        final String memberId;

        Role(String memberId) {
            this.memberId = memberId;
        }
    }

    static final String SEES = "sees";
    static final String HIDDEN = "hidden";
    static final String OK = "ok";
    static final String UNAUTHENTICATED = "UNAUTHORIZED AUTHENTICATION_REQUIRED";

    static String notFound(String code) {
        return "NOT_FOUND " + code;
    }

    static String forbidden(String code) {
        return "FORBIDDEN " + code;
    }

    static String conflict(String code) {
        return "CONFLICT " + code;
    }

    static final String NO_COMMUNITY = notFound("UNKNOWN_COMMUNITY");
    static final String NO_NODE = notFound("UNKNOWN_NODE");
    static final String NOT_A_MEMBER = forbidden("NOT_A_MEMBER");
    static final String NO_QUESTION = notFound("UNKNOWN_QUESTION");
    static final String NO_POST = notFound("UNKNOWN_POST");
    static final String NO_ARTICLE = notFound("UNKNOWN_ARTICLE");
    static final String NOT_A_MODERATOR = forbidden("NOT_A_MODERATOR");

    /** The content of one community, by global id, and the text that marks everything written in it. */
    record Fixture(String label, String marker, String community, String question, String answer, String spamAnswer,
                   String ownersAnswer, String deletedAnswer, String comment, String article, String toLock,
                   String locked, String toClose, String closed) {
    }

    /** A path through the API: a document, its variables, and what shows that the community's content is in the answer. */
    record Path(String name, String document, Function<Fixture, Map<String, Object>> variables,
                Function<Fixture, String> evidence, List<String> onPublic, List<String> onPrivate) {

        List<String> expected(Fixture fixture) {
            return fixture.label().equals("public") ? onPublic : onPrivate;
        }
    }

    @TempDir
    static java.nio.file.Path dataDir;

    private LocalSystem system;
    private GraphQlCaller api;
    private final Map<String, String> tokens = new HashMap<>();
    private Fixture open;
    private Fixture secret;

    @BeforeAll
    void start() {
        // A shared build machine can be slow: more time to start, and to catch up for read-your-writes.
        system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .startupTimeout(Duration.ofMinutes(5))
                .serviceArgs(Service.QUERY, "--praxis.query.consistency-timeout=20s")
                .serviceArgs(Service.GATEWAY, "--praxis.query-service.read-timeout=30s", "--praxis.command-service.read-timeout=30s")
                .build());
        api = new GraphQlCaller(system.gatewayUrl());
        for (String member : List.of("olga", "mona", "mel", "nick", "sus", "sal", "max", "bo", "bea", "ivy", "rita", "rex")) {
            tokens.put(member, api.signIn(member, member.substring(0, 1).toUpperCase() + member.substring(1)));
        }
        open = setUp("public", "PUBLIC");
        secret = setUp("private", "PRIVATE");
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    // ---- the read matrix

    static List<Path> queries() {
        return List.of(
                path("communities", "{ communities(first: 100) { nodes { name } } }", f -> Map.of(),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES)),
                path("community(id)", "query($c: ID!) { community(id: $c) { name } }", f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, SEES, SEES, SEES)),
                path("node(community)", "query($id: ID!) { node(id: $id) { ... on Community { name } } }",
                        f -> Map.of("id", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("node(question)", "query($id: ID!) { node(id: $id) { ... on Question { title } } }",
                        f -> Map.of("id", f.question()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("node(answer)", "query($id: ID!) { node(id: $id) { ... on Answer { body } } }",
                        f -> Map.of("id", f.answer()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("node(comment)", "query($id: ID!) { node(id: $id) { ... on Comment { body } } }",
                        f -> Map.of("id", f.comment()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("node(article)", "query($id: ID!) { node(id: $id) { ... on Article { title } } }",
                        f -> Map.of("id", f.article()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("nodes(every kind)", """
                                query($ids: [ID!]!) { nodes(ids: $ids) { ... on Community { name } ... on Question { title }
                                  ... on Answer { body } ... on Comment { body } ... on Article { title } } }""",
                        f -> Map.of("ids", List.of(f.community(), f.question(), f.answer(), f.comment(), f.article())),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_NODE, NO_NODE, SEES, SEES, SEES)),
                path("question(id)", "query($q: ID!) { question(id: $q) { title } }", f -> Map.of("q", f.question()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_QUESTION"), notFound("UNKNOWN_QUESTION"), SEES, SEES, SEES)),
                path("question.answers", "query($q: ID!) { question(id: $q) { answers { body } } }",
                        f -> Map.of("q", f.question()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_QUESTION"), notFound("UNKNOWN_QUESTION"), SEES, SEES, SEES)),
                path("question.comments", "query($q: ID!) { question(id: $q) { comments { body } } }",
                        f -> Map.of("q", f.question()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_QUESTION"), notFound("UNKNOWN_QUESTION"), SEES, SEES, SEES)),
                path("question.revisions", "query($q: ID!) { question(id: $q) { revisions { body } } }",
                        f -> Map.of("q", f.question()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_QUESTION"), notFound("UNKNOWN_QUESTION"), SEES, SEES, SEES)),
                path("question.bounty", "query($q: ID!) { question(id: $q) { bounty { amount } } }",
                        f -> Map.of("q", f.question()), f -> "\"amount\":50",
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_QUESTION"), notFound("UNKNOWN_QUESTION"), SEES, SEES, SEES)),
                path("article(id) with revisions", "query($a: ID!) { article(id: $a) { title revisions { body } } }",
                        f -> Map.of("a", f.article()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_ARTICLE"), notFound("UNKNOWN_ARTICLE"), SEES, SEES, SEES)),
                path("tag(communityId, name)", "query($c: ID!) { tag(communityId: $c, name: \"guides\") { description } }",
                        f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(notFound("UNKNOWN_TAG"), notFound("UNKNOWN_TAG"), SEES, SEES, SEES)),
                path("community.questions", "query($c: ID!) { community(id: $c) { questions(first: 10) { nodes { title } } } }",
                        f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, SEES, SEES, SEES)),
                path("community.feed", "query($c: ID!) { community(id: $c) { feed(first: 10) { nodes { title } } } }",
                        f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, SEES, SEES, SEES)),
                // search spans communities: a private community's posts are left out, never an error
                path("search", "query($q: String!) { search(query: $q, first: 20) { nodes { ... on Question { title } } } }",
                        f -> Map.of("q", "\"" + f.marker() + "\""),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES)),
                path("community.articles", "query($c: ID!) { community(id: $c) { articles(first: 10) { nodes { title } } } }",
                        f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, SEES, SEES, SEES)),
                path("community.tags", "query($c: ID!) { community(id: $c) { tags(first: 10) { nodes { description } } } }",
                        f -> Map.of("c", f.community()),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, SEES, SEES, SEES)),
                // Everyone who may read the community sees who is suspended; only moderators see why.
                path("community.members: sanction reasons", """
                                query($c: ID!) { community(id: $c) { members(first: 50) { nodes { status restrictionReason } } } }""",
                        f -> Map.of("c", f.community()), f -> "Spam links " + f.marker(),
                        row(HIDDEN, HIDDEN, HIDDEN, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, HIDDEN, SEES, SEES)),
                path("community.moderationQueue", """
                                query($c: ID!) { community(id: $c) { moderationQueue(first: 10) { nodes { answer { body } } } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, SEES, SEES),
                        row(NO_COMMUNITY, NO_COMMUNITY, NOT_A_MODERATOR, SEES, SEES)),
                path("membershipRequests", "query($c: ID!) { membershipRequests(communityId: $c) { nodes { displayName } } }",
                        f -> Map.of("c", f.community()), f -> "Rita",
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NO_COMMUNITY, NOT_A_MODERATOR, SEES, SEES)),
                path("member.memberships", "query($m: ID!) { member(id: $m) { memberships { community { name } } } }",
                        f -> Map.of("m", member("mel")),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES)),
                path("member.following", "query($m: ID!) { member(id: $m) { following { questions { title } tags { description } } } }",
                        f -> Map.of("m", member("mel")),
                        row(SEES, SEES, SEES, SEES, SEES),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES)),
                path("viewer.memberships", "{ viewer { memberships { community { name } } } }", f -> Map.of(),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES),
                        row(HIDDEN, HIDDEN, SEES, SEES, SEES)));
    }

    @Test
    @Order(1)
    void everyQueryPathShowsEachRoleWhatItMayRead() {
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Path query : queries()) {
            for (Fixture fixture : List.of(open, secret)) {
                List<String> actual = new ArrayList<>();
                for (Role role : Role.values()) {
                    JsonNode response = api.call(token(role), query.document(), query.variables().apply(fixture));
                    String expected = query.expected(fixture).get(role.ordinal());
                    String outcome = outcome(response, query.evidence().apply(fixture));
                    if (expected.equals(OK) && (outcome.equals(SEES) || outcome.equals(HIDDEN))) {
                        outcome = OK;
                    }
                    actual.add(outcome);
                    if (!expected.equals(outcome)) {
                        mismatches.add(query.name() + " on the " + fixture.label() + " community as " + role
                                + ": expected " + expected + ", was " + outcome + "  " + response);
                    }
                }
                table.append(tableRow(query.name(), fixture, actual));
            }
        }
        System.out.println("Read matrix (as observed):\n" + table);
        assertThat(mismatches).isEmpty();
    }

    // ---- the mutation matrix

    static List<Path> mutations() {
        String in2Days = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return List.of(
                mutation("createCommunity", "mutation { createCommunity(input: {name: \"Nick's own\"}) { community { id } } }",
                        f -> Map.of(),
                        row(UNAUTHENTICATED, OK, OK, OK, OK),
                        row(UNAUTHENTICATED, OK, OK, OK, OK)),
                mutation("changeCommunitySettings", """
                                mutation($c: ID!) { changeCommunitySettings(input: {communityId: $c, description: "Changed"}) { community { id } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("inviteMember", """
                                mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("ivy")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("requestMembership", """
                                mutation($c: ID!) { requestMembership(input: {communityId: $c}) { community { id } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, conflict("OPEN_COMMUNITY"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER")),
                        row(UNAUTHENTICATED, OK, conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"))),
                mutation("approveMembershipRequest", """
                                mutation($c: ID!, $m: ID!) { approveMembershipRequest(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("rita")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, notFound("UNKNOWN_REQUEST"), notFound("UNKNOWN_REQUEST")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("rejectMembershipRequest", """
                                mutation($c: ID!, $m: ID!) { rejectMembershipRequest(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("rex")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, notFound("UNKNOWN_REQUEST"), notFound("UNKNOWN_REQUEST")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("suspendMember", """
                                mutation($c: ID!, $m: ID!, $u: DateTime!) { suspendMember(input: {communityId: $c, memberId: $m,
                                  reason: "Heated", until: $u}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("sal"), "u", in2Days),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("liftSuspension", """
                                mutation($c: ID!, $m: ID!) { liftSuspension(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("sus")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("banMember", """
                                mutation($c: ID!, $m: ID!) { banMember(input: {communityId: $c, memberId: $m, reason: "Abuse"}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("bo")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("unbanMember", """
                                mutation($c: ID!, $m: ID!) { unbanMember(input: {communityId: $c, memberId: $m}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("bea")),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK)),
                mutation("changeMemberRole", """
                                mutation($c: ID!, $m: ID!) { changeMemberRole(input: {communityId: $c, memberId: $m, role: MODERATOR}) { community { id } } }""",
                        f -> Map.of("c", f.community(), "m", member("max")),
                        row(UNAUTHENTICATED, forbidden("OWNER_ONLY"), forbidden("OWNER_ONLY"), forbidden("OWNER_ONLY"), OK),
                        row(UNAUTHENTICATED, forbidden("OWNER_ONLY"), forbidden("OWNER_ONLY"), forbidden("OWNER_ONLY"), OK)),
                mutation("askQuestion", """
                                mutation($c: ID!) { askQuestion(input: {communityId: $c, title: "Another question here", body: "Why?"}) { question { id } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("postAnswer", """
                                mutation($q: ID!) { postAnswer(input: {questionId: $q, body: "One more answer"}) { answer { id } } }""",
                        f -> Map.of("q", f.question()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("vote", "mutation($p: ID!) { vote(input: {postId: $p, direction: UP}) { question { id } } }",
                        f -> Map.of("p", f.question()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, forbidden("OWN_POST"), OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, forbidden("OWN_POST"), OK, OK)),
                mutation("retractVote", "mutation($p: ID!) { retractVote(input: {postId: $p}) { answer { id } } }",
                        f -> Map.of("p", f.answer()),
                        row(UNAUTHENTICATED, conflict("NOT_VOTED"), OK, conflict("NOT_VOTED"), OK),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), OK, conflict("NOT_VOTED"), OK)),
                mutation("acceptAnswer", "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }",
                        f -> Map.of("a", f.answer()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_ASKER"), OK, forbidden("NOT_THE_ASKER"), forbidden("NOT_THE_ASKER")),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), OK, forbidden("NOT_THE_ASKER"), forbidden("NOT_THE_ASKER"))),
                mutation("withdrawAcceptance", "mutation($q: ID!) { withdrawAcceptance(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.question()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_ASKER"), OK, forbidden("NOT_THE_ASKER"), forbidden("NOT_THE_ASKER")),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, forbidden("NOT_THE_ASKER"), forbidden("NOT_THE_ASKER"))),
                mutation("endorseAnswer", "mutation($a: ID!) { endorseAnswer(input: {answerId: $a, note: \"Right\"}) { answer { id } } }",
                        f -> Map.of("a", f.ownersAnswer()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, forbidden("NOT_AN_EXPERT"), OK, forbidden("OWN_ANSWER")),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), forbidden("NOT_AN_EXPERT"), OK, forbidden("OWN_ANSWER"))),
                mutation("withdrawAnswerEndorsement", """
                                mutation($a: ID!) { withdrawAnswerEndorsement(input: {answerId: $a}) { answer { id } } }""",
                        f -> Map.of("a", f.answer()),
                        row(UNAUTHENTICATED, conflict("NOT_ENDORSED"), conflict("NOT_ENDORSED"), conflict("NOT_ENDORSED"), OK),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), conflict("NOT_ENDORSED"), conflict("NOT_ENDORSED"), OK)),
                mutation("editQuestion", """
                                mutation($q: ID!) { editQuestion(input: {questionId: $q, title: "An edited question title", body: "Edited"}) { question { id } } }""",
                        f -> Map.of("q", f.question()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("editAnswer", """
                                mutation($a: ID!) { editAnswer(input: {answerId: $a, body: "Edited answer"}) { answer { id } } }""",
                        f -> Map.of("a", f.answer()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), OK, OK, OK)),
                mutation("rollbackPost", "mutation($p: ID!) { rollbackPost(input: {postId: $p, revision: 1}) { question { id } } }",
                        f -> Map.of("p", f.question()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("addComment", "mutation($p: ID!) { addComment(input: {postId: $p, body: \"Noted\"}) { comment { id } } }",
                        f -> Map.of("p", f.question()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("editComment", "mutation($c: ID!) { editComment(input: {commentId: $c, body: \"Edited comment\"}) { comment { id } } }",
                        f -> Map.of("c", f.comment()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_AUTHOR"), OK, forbidden("NOT_THE_AUTHOR"), forbidden("NOT_THE_AUTHOR")),
                        row(UNAUTHENTICATED, notFound("COMMENT_NOT_FOUND"), OK, forbidden("NOT_THE_AUTHOR"), forbidden("NOT_THE_AUTHOR"))),
                mutation("deleteComment", "mutation($c: ID!) { deleteComment(input: {commentId: $c}) { question { id } } }",
                        f -> Map.of("c", f.comment()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_AUTHOR"), OK, OK, OK),
                        row(UNAUTHENTICATED, notFound("COMMENT_NOT_FOUND"), OK, OK, OK)),
                mutation("flagPost", "mutation($p: ID!) { flagPost(input: {postId: $p, reason: SPAM}) { answer { id } } }",
                        f -> Map.of("p", f.answer()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, forbidden("OWN_POST"), OK),
                        row(UNAUTHENTICATED, NO_POST, OK, forbidden("OWN_POST"), OK)),
                mutation("reviewFlag", "mutation($p: ID!) { reviewFlag(input: {postId: $p, decision: DISMISS}) { answer { id } } }",
                        f -> Map.of("p", f.spamAnswer()),
                        row(UNAUTHENTICATED, NOT_A_MODERATOR, NOT_A_MODERATOR, OK, OK),
                        row(UNAUTHENTICATED, NO_POST, NOT_A_MODERATOR, OK, OK)),
                mutation("deletePost", "mutation($p: ID!) { deletePost(input: {postId: $p}) { answer { id } } }",
                        f -> Map.of("p", f.spamAnswer()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_AUTHOR"), forbidden("NOT_THE_AUTHOR"), OK, OK),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), forbidden("NOT_THE_AUTHOR"), OK, OK)),
                mutation("undeletePost", "mutation($p: ID!) { undeletePost(input: {postId: $p}) { answer { id } } }",
                        f -> Map.of("p", f.deletedAnswer()),
                        row(UNAUTHENTICATED, forbidden("NOT_ALLOWED"), forbidden("NOT_ALLOWED"), OK, OK),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), forbidden("NOT_ALLOWED"), OK, OK)),
                mutation("lockQuestion", "mutation($q: ID!) { lockQuestion(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.toLock()),
                        row(UNAUTHENTICATED, forbidden("MISSING_PRIVILEGE"), forbidden("MISSING_PRIVILEGE"), OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, forbidden("MISSING_PRIVILEGE"), OK, OK)),
                mutation("unlockQuestion", "mutation($q: ID!) { unlockQuestion(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.locked()),
                        row(UNAUTHENTICATED, forbidden("MISSING_PRIVILEGE"), forbidden("MISSING_PRIVILEGE"), OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, forbidden("MISSING_PRIVILEGE"), OK, OK)),
                mutation("closeQuestion", "mutation($q: ID!) { closeQuestion(input: {questionId: $q, reason: OFF_TOPIC}) { question { id } } }",
                        f -> Map.of("q", f.toClose()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("reopenQuestion", "mutation($q: ID!) { reopenQuestion(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.closed()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_QUESTION, OK, OK, OK)),
                mutation("publishArticle", """
                                mutation($c: ID!) { publishArticle(input: {communityId: $c, title: "Another article title", body: "Text"}) { article { id } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("editArticle", """
                                mutation($a: ID!) { editArticle(input: {articleId: $a, title: "An edited article title", body: "Edited"}) { article { id } } }""",
                        f -> Map.of("a", f.article()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NO_ARTICLE, OK, OK, OK)),
                mutation("deleteArticle", "mutation($a: ID!) { deleteArticle(input: {articleId: $a}) { article { id } } }",
                        f -> Map.of("a", f.article()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_AUTHOR"), OK, OK, OK),
                        row(UNAUTHENTICATED, NO_ARTICLE, OK, OK, OK)),
                mutation("createTag", "mutation($c: ID!) { createTag(input: {communityId: $c, name: \"fresh\"}) { tag { name } } }",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("editTagDescription", """
                                mutation($c: ID!) { editTagDescription(input: {communityId: $c, name: "guides", description: "How-tos"}) { tag { name } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("addTagSynonym", """
                                mutation($c: ID!) { addTagSynonym(input: {communityId: $c, name: "guides", synonym: "howtos"}) { tag { name } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("removeTagSynonym", """
                                mutation($c: ID!) { removeTagSynonym(input: {communityId: $c, name: "guides", synonym: "tutorials"}) { tag { name } } }""",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, OK)),
                mutation("followQuestion", "mutation($q: ID!) { followQuestion(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.toLock()),
                        row(UNAUTHENTICATED, OK, OK, OK, OK),
                        row(UNAUTHENTICATED, notFound("UNKNOWN_QUESTION"), OK, OK, OK)),
                mutation("unfollowQuestion", "mutation($q: ID!) { unfollowQuestion(input: {questionId: $q}) { question { id } } }",
                        f -> Map.of("q", f.question()),
                        row(UNAUTHENTICATED, conflict("NOT_FOLLOWING"), OK, conflict("NOT_FOLLOWING"), conflict("NOT_FOLLOWING")),
                        row(UNAUTHENTICATED, conflict("NOT_FOLLOWING"), OK, conflict("NOT_FOLLOWING"), conflict("NOT_FOLLOWING"))),
                mutation("followTag", "mutation($c: ID!) { followTag(input: {communityId: $c, tag: \"guides\"}) { tag { name } } }",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, OK, OK, OK, OK),
                        row(UNAUTHENTICATED, notFound("UNKNOWN_TAG"), OK, OK, OK)),
                mutation("unfollowTag", "mutation($c: ID!) { unfollowTag(input: {communityId: $c, tag: \"matrix\"}) { tag { name } } }",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, conflict("NOT_FOLLOWING"), OK, conflict("NOT_FOLLOWING"), conflict("NOT_FOLLOWING")),
                        row(UNAUTHENTICATED, conflict("NOT_FOLLOWING"), OK, conflict("NOT_FOLLOWING"), conflict("NOT_FOLLOWING"))),
                mutation("offerBounty", "mutation($q: ID!) { offerBounty(input: {questionId: $q, amount: 50}) { bounty { amount } } }",
                        f -> Map.of("q", f.toClose()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, forbidden("INSUFFICIENT_REPUTATION"), forbidden("INSUFFICIENT_REPUTATION"), forbidden("INSUFFICIENT_REPUTATION")),
                        row(UNAUTHENTICATED, NO_QUESTION, forbidden("INSUFFICIENT_REPUTATION"), forbidden("INSUFFICIENT_REPUTATION"), forbidden("INSUFFICIENT_REPUTATION"))),
                mutation("awardBounty", "mutation($a: ID!) { awardBounty(input: {answerId: $a}) { answer { id } } }",
                        f -> Map.of("a", f.ownersAnswer()),
                        row(UNAUTHENTICATED, forbidden("NOT_THE_OFFERER"), forbidden("NOT_THE_OFFERER"), OK, forbidden("NOT_THE_OFFERER")),
                        row(UNAUTHENTICATED, notFound("ANSWER_NOT_FOUND"), forbidden("NOT_THE_OFFERER"), OK, forbidden("NOT_THE_OFFERER"))),
                mutation("joinCommunity", "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, OK, conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER")),
                        row(UNAUTHENTICATED, forbidden("INVITATION_REQUIRED"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"), conflict("ALREADY_MEMBER"))),
                mutation("leaveCommunity", "mutation($c: ID!) { leaveCommunity(input: {communityId: $c}) { community { id } } }",
                        f -> Map.of("c", f.community()),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, conflict("SOLE_OWNER")),
                        row(UNAUTHENTICATED, NOT_A_MEMBER, OK, OK, conflict("SOLE_OWNER"))));
    }

    @Test
    @Order(2)
    void everyMutationRefusesTheRolesThatMayNotAndWritesNothing() {
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Path mutation : mutations()) {
            for (Fixture fixture : List.of(open, secret)) {
                List<String> cells = new ArrayList<>();
                for (Role role : Role.values()) {
                    String expected = mutation.expected(fixture).get(role.ordinal());
                    if (expected.equals(OK)) {
                        cells.add("(" + OK + ")");
                        continue;
                    }
                    long before = StoreInspector.eventCount(system);
                    JsonNode response = api.call(token(role), mutation.document(), mutation.variables().apply(fixture));
                    String outcome = outcome(response, null);
                    cells.add(outcome);
                    if (!expected.equals(outcome)) {
                        mismatches.add(mutation.name() + " on the " + fixture.label() + " community as " + role
                                + ": expected " + expected + ", was " + outcome + "  " + response);
                    }
                    long after = StoreInspector.eventCount(system);
                    if (after != before) {
                        mismatches.add(mutation.name() + " on the " + fixture.label() + " community as " + role
                                + " was refused but wrote " + (after - before) + " events");
                    }
                }
                table.append(tableRow(mutation.name(), fixture, cells));
            }
        }
        System.out.println("Mutation refusals (as observed; (ok) cells run in the next test):\n" + table);
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(3)
    void everyMutationLetsTheLeastPrivilegedRoleThatMayDoIt() {
        List<String> mismatches = new ArrayList<>();
        for (Path mutation : mutations()) {
            for (Fixture fixture : List.of(open, secret)) {
                List<String> expected = mutation.expected(fixture);
                Role allowed = null;
                for (Role role : Role.values()) {
                    if (expected.get(role.ordinal()).equals(OK)) {
                        allowed = role;
                        break;
                    }
                }
                if (allowed == null) {
                    continue;
                }
                JsonNode response = api.call(token(allowed), mutation.document(), mutation.variables().apply(fixture));
                String outcome = outcome(response, null);
                if (!OK.equals(outcome)) {
                    mismatches.add(mutation.name() + " on the " + fixture.label() + " community as " + allowed
                            + ": expected ok, was " + outcome + "  " + response);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    // ---- setup: one community of each kind, the same content in each

    private Fixture setUp(String label, String visibility) {
        String marker = label + "-" + Long.toString(System.nanoTime(), 36);
        String community = data("olga", """
                mutation($name: String!, $v: CommunityVisibility!) { createCommunity(input: {name: $name, privilegePreset: TEAM,
                  visibility: $v}) { community { id } } }""", Map.of("name", "Guild " + marker, "v", visibility))
                .at("/createCommunity/community/id").asText();
        for (String member : List.of("mona", "mel", "sus", "sal", "max", "bo", "bea")) {
            if (visibility.equals("PRIVATE")) {
                data("olga", "mutation($c: ID!, $m: ID!) { inviteMember(input: {communityId: $c, memberId: $m}) { community { id } } }",
                        Map.of("c", community, "m", member(member)));
            }
            data(member, "mutation($c: ID!) { joinCommunity(input: {communityId: $c}) { community { id } } }",
                    Map.of("c", community));
        }
        data("olga", "mutation($c: ID!, $m: ID!) { changeMemberRole(input: {communityId: $c, memberId: $m, role: MODERATOR}) { community { id } } }",
                Map.of("c", community, "m", member("mona")));
        String question = ask("mel", community, "Question of " + marker, List.of("matrix"));
        String answer = answer("mona", question, "Answer " + marker);
        String spamAnswer = answer("mona", question, "Second answer " + marker);
        String ownersAnswer = answer("olga", question, "Owner's answer " + marker);
        String deletedAnswer = answer("mona", question, "Withdrawn answer " + marker);
        // mona earns 6 upvotes (61 reputation) to offer a bounty of 50
        for (String voter : List.of("olga", "mel", "sus")) {
            for (String post : List.of(answer, spamAnswer)) {
                data(voter, "mutation($p: ID!) { vote(input: {postId: $p, direction: UP}) { answer { id } } }", Map.of("p", post));
            }
        }
        data("mona", "mutation($q: ID!) { offerBounty(input: {questionId: $q, amount: 50}) { bounty { amount } } }",
                Map.of("q", question));
        data("mona", "mutation($p: ID!) { deletePost(input: {postId: $p}) { answer { id } } }", Map.of("p", deletedAnswer));
        data("mel", "mutation($a: ID!) { acceptAnswer(input: {answerId: $a}) { answer { id } } }", Map.of("a", ownersAnswer));
        data("olga", "mutation($a: ID!) { endorseAnswer(input: {answerId: $a}) { answer { id } } }", Map.of("a", answer));
        data("mel", """
                mutation($q: ID!, $t: String!) { editQuestion(input: {questionId: $q, title: $t, body: "Edited body"}) { question { id } } }""",
                Map.of("q", question, "t", "Question of " + marker + " (edited)"));
        String comment = data("mel", "mutation($p: ID!, $b: String!) { addComment(input: {postId: $p, body: $b}) { comment { id } } }",
                Map.of("p", question, "b", "Comment " + marker)).at("/addComment/comment/id").asText();
        String article = data("mel", """
                mutation($c: ID!, $t: String!, $b: String!) { publishArticle(input: {communityId: $c, title: $t, body: $b}) { article { id } } }""",
                Map.of("c", community, "t", "Article of " + marker, "b", "Body " + marker)).at("/publishArticle/article/id").asText();
        data("olga", """
                mutation($c: ID!, $d: String!) { createTag(input: {communityId: $c, name: "guides", description: $d}) { tag { name } } }""",
                Map.of("c", community, "d", "Guides " + marker));
        data("olga", """
                mutation($c: ID!) { addTagSynonym(input: {communityId: $c, name: "guides", synonym: "tutorials"}) { tag { name } } }""",
                Map.of("c", community));
        data("mel", "mutation($p: ID!) { flagPost(input: {postId: $p, reason: SPAM}) { answer { id } } }", Map.of("p", spamAnswer));
        data("mel", "mutation($q: ID!) { followQuestion(input: {questionId: $q}) { question { id } } }", Map.of("q", question));
        data("mel", "mutation($c: ID!) { followTag(input: {communityId: $c, tag: \"matrix\"}) { tag { name } } }", Map.of("c", community));
        String toLock = ask("olga", community, "A question to lock " + marker, List.of());
        String locked = ask("olga", community, "A locked question " + marker, List.of());
        data("olga", "mutation($q: ID!) { lockQuestion(input: {questionId: $q}) { question { id } } }", Map.of("q", locked));
        String toClose = ask("olga", community, "A question to close " + marker, List.of());
        String closed = ask("olga", community, "A closed question " + marker, List.of());
        data("olga", "mutation($q: ID!) { closeQuestion(input: {questionId: $q, reason: OFF_TOPIC}) { question { id } } }",
                Map.of("q", closed));
        data("olga", """
                mutation($c: ID!, $m: ID!, $u: DateTime!, $r: String!) { suspendMember(input: {communityId: $c, memberId: $m,
                  reason: $r, until: $u}) { community { id } } }""", Map.of("c", community, "m", member("sus"),
                "r", "Spam links " + marker, "u", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        data("olga", "mutation($c: ID!, $m: ID!) { banMember(input: {communityId: $c, memberId: $m, reason: \"Abuse\"}) { community { id } } }",
                Map.of("c", community, "m", member("bea")));
        if (visibility.equals("PRIVATE")) {
            for (String requester : List.of("rita", "rex")) {
                data(requester, "mutation($c: ID!) { requestMembership(input: {communityId: $c}) { community { id } } }",
                        Map.of("c", community));
            }
        }
        return new Fixture(label, marker, community, question, answer, spamAnswer, ownersAnswer, deletedAnswer, comment,
                article, toLock, locked, toClose, closed);
    }

    private String ask(String member, String community, String title, List<String> tags) {
        return data(member, """
                mutation($c: ID!, $t: String!, $tags: [String!]) { askQuestion(input: {communityId: $c, title: $t, body: $t, tags: $tags}) {
                  question { id } } }""", Map.of("c", community, "t", title, "tags", tags)).at("/askQuestion/question/id").asText();
    }

    private String answer(String member, String question, String body) {
        return data(member, "mutation($q: ID!, $b: String!) { postAnswer(input: {questionId: $q, body: $b}) { answer { id } } }",
                Map.of("q", question, "b", body)).at("/postAnswer/answer/id").asText();
    }

    // ---- helpers

    private JsonNode data(String member, String document, Map<String, ?> variables) {
        return api.data(tokens.get(member), document, variables);
    }

    private String token(Role role) {
        return role.memberId == null ? null : tokens.get(role.memberId);
    }

    /**
     * What a response shows: the classification and code of its errors (all of them alike, or a
     * list of them), else whether the evidence of the community's content is in its data.
     */
    private static String outcome(JsonNode response, String evidence) {
        JsonNode errors = response.get("errors");
        if (errors != null && !errors.isEmpty()) {
            List<String> kinds = StreamSupport.stream(errors.spliterator(), false)
                    .map(error -> error.at("/extensions/classification").asText() + " " + error.at("/extensions/code").asText())
                    .distinct().toList();
            if (evidence != null && response.path("data").toString().contains(evidence)) {
                return "LEAKED WITH " + kinds;
            }
            return kinds.size() == 1 ? kinds.get(0) : kinds.toString();
        }
        if (evidence == null) {
            return OK;
        }
        return response.path("data").toString().contains(evidence) ? SEES : HIDDEN;
    }

    private static String tableRow(String name, Fixture fixture, List<String> cells) {
        return String.format("| %-36s | %-7s | %s |%n", name, fixture.label(), String.join(" | ", cells));
    }

    private static Path path(String name, String document, Function<Fixture, Map<String, Object>> variables,
                             List<String> onPublic, List<String> onPrivate) {
        return new Path(name, document, variables, Fixture::marker, onPublic, onPrivate);
    }

    private static Path path(String name, String document, Function<Fixture, Map<String, Object>> variables,
                             Function<Fixture, String> evidence, List<String> onPublic, List<String> onPrivate) {
        return new Path(name, document, variables, evidence, onPublic, onPrivate);
    }

    private static Path mutation(String name, String document, Function<Fixture, Map<String, Object>> variables,
                                 List<String> onPublic, List<String> onPrivate) {
        return new Path(name, document, variables, f -> null, onPublic, onPrivate);
    }

    /** The outcomes for anonymous, non-member, member, moderator, owner, in that order. */
    private static List<String> row(String anonymous, String nonMember, String member, String moderator, String owner) {
        return List.of(anonymous, nonMember, member, moderator, owner);
    }

    private static String member(String memberId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Member:" + memberId).getBytes(StandardCharsets.UTF_8));
    }
}
