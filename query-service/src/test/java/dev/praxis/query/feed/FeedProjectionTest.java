package dev.praxis.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The feeds built from events through the real projection into the embedded MongoDB: the four
 * orders of a community feed and its tag filter, a member's activity, the fanned-out home feed,
 * their reversals (a retracted vote, a deleted answer, comment, question or article) and
 * visibility (a private community's items never reach a non-member).
 */
class FeedProjectionTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new FeedProjection(mongo)));

    private static List<Object> community() {
        return List.of(
                new CommunityCreated("c1", "Java Practitioners", "JVM", null, "alice", T),
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new MemberJoinedCommunity("c1", "chen", "Chen", CommunityRole.MEMBER, "chen", T),
                new MemberJoinedCommunity("c1", "dora", "Dora", CommunityRole.MEMBER, "dora", T),
                new CommunityCreated("c2", "Secret Guild", null, null, "bob", T),
                new MemberJoinedCommunity("c2", "bob", "Bob", CommunityRole.OWNER, "bob", T),
                new CommunityVisibilityChanged("c2", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "bob", T));
    }

    static List<Object> history() {
        List<Object> events = new ArrayList<>(community());
        events.addAll(List.of(
                new MemberFollowed("dora", "alice", "dora", T),
                new TagFollowed("dora", "c1", "axon", "dora", T),
                new QuestionFollowed("dora", "q2", "dora", T),
                new MemberFollowed("dora", "bob", "dora", T),
                new QuestionAsked("q1", "c1", "How do I replay one projection?", "Body", List.of("axon"), "alice", T.plusSeconds(10)),
                new QuestionAsked("q2", "c1", "Which JDK should the build use?", "Body", List.of("java"), "bob", T.plusSeconds(20)),
                new ArticlePublished("r1", "c1", "Rebuilding projections", "Steps", List.of("axon"), "chen", T.plusSeconds(30)),
                new QuestionAsked("q3", "c1", "Why is my token store slow?", "Body", List.of("mongo"), "alice", T.plusSeconds(40)),
                new AnswerPosted("q1", "a1", "c1", "Reset the tokens.", "bob", T.plusSeconds(50)),
                new CommentAdded("q2", "k1", "q2", PostKind.QUESTION, "c1", "bob", "Which build tool?", List.of(), "chen",
                        T.plusSeconds(60)),
                new VoteCast("q2", "q2", PostKind.QUESTION, "c1", "bob", VoteDirection.UP, "alice", T.plusSeconds(61)),
                new VoteCast("q2", "q2", PostKind.QUESTION, "c1", "bob", VoteDirection.DOWN, "chen", T.plusSeconds(62)),
                new VoteChanged("q2", "q2", PostKind.QUESTION, "c1", "bob", VoteDirection.DOWN, VoteDirection.UP, "chen",
                        T.plusSeconds(63)),
                new VoteCast("q2", "q2", PostKind.QUESTION, "c1", "bob", VoteDirection.UP, "dora", T.plusSeconds(64)),
                new VoteRetracted("q2", "q2", PostKind.QUESTION, "c1", "bob", VoteDirection.UP, "dora", T.plusSeconds(65)),
                new AnswerPosted("q2", "a2", "c1", "Use 17.", "chen", T.plusSeconds(70)),
                new AnswerPosted("q2", "a3", "c1", "Spam", "chen", T.plusSeconds(71)),
                new PostDeleted("q2", "a3", PostKind.ANSWER, "c1", "chen", "spam", "alice", T.plusSeconds(72)),
                new CommentAdded("q1", "k2", "a1", PostKind.ANSWER, "c1", "bob", "Rude", List.of(), "chen", T.plusSeconds(73)),
                new CommentDeleted("q1", "k2", "a1", "c1", "chen", "chen", T.plusSeconds(74)),
                new MemberUnfollowed("dora", "alice", "dora", T.plusSeconds(75)),
                new QuestionAsked("q4", "c1", "Is this unseen by dora now?", "Body", List.of("java"), "alice", T.plusSeconds(80)),
                new QuestionAsked("q5", "c1", "A question soon closed here", "Body", List.of("java"), "dora", T.plusSeconds(90)),
                new QuestionClosed("q5", "c1", CloseReason.NEEDS_FOCUS, null, "alice", T.plusSeconds(91)),
                new QuestionAsked("p1", "c2", "A private question of the guild", "Body", List.of("axon"), "bob", T.plusSeconds(100)),
                new ArticlePublished("r2", "c1", "An article soon deleted", "Oops", List.of("axon"), "chen", T.plusSeconds(110)),
                new ArticleDeleted("r2", "c1", "chen", "mistake", "chen", T.plusSeconds(111)),
                new QuestionAsked("q6", "c1", "A question deleted then undeleted", "Body", List.of(), "bob", T.plusSeconds(120)),
                new AnswerPosted("q6", "a6", "c1", "An answer to it", "alice", T.plusSeconds(121)),
                new PostDeleted("q6", "q6", PostKind.QUESTION, "c1", "bob", "dup", "alice", T.plusSeconds(122))));
        return events;
    }

    private MongoTemplate project(String database, List<EventMessage<?>> events) throws Exception {
        harness.project(database, events);
        return harness.mongo(database);
    }

    private static List<String> ids(Page<FeedItemView> page) {
        return page.items().stream().map(FeedItemView::id).toList();
    }

    @Test
    void aCommunityFeedInEveryOrderWithoutDeletedPosts() throws Exception {
        MongoTemplate mongo = project("community", Tracked.of(history()));
        CommunityFeed feed = new CommunityFeed(mongo, new ReadAccess(mongo));

        assertThat(ids(feed.read("c1", null, FeedOrder.NEWEST, null, 20, null)))
                .containsExactly("q5", "q4", "q3", "r1", "q2", "q1");
        // q1: a comment at 73 (since deleted: it was activity all the same); q2: an answer at 71
        assertThat(ids(feed.read("c1", null, FeedOrder.ACTIVE, null, 20, null)))
                .containsExactly("q5", "q4", "q1", "q2", "q3", "r1");
        // q2 is answered (a2); q1 is answered; q5 is closed
        assertThat(ids(feed.read("c1", null, FeedOrder.UNANSWERED, null, 20, null))).containsExactly("q4", "q3");
        assertThat(ids(feed.read("c1", null, FeedOrder.NEWEST, "axon", 20, null))).containsExactly("r1", "q1");

        Page<FeedItemView> hot = feed.read("c1", null, FeedOrder.HOT, null, 20, null);
        Map<String, FeedItemView> byId = new java.util.HashMap<>();
        hot.items().forEach(item -> byId.put(item.id(), item));
        // q2: up (alice) + up (chen, changed from down) + up then retracted (dora) = 2; one live answer (a3 deleted)
        assertThat(byId.get("q2").hotScore()).isEqualTo(HotScore.of(2, 1, T.plusSeconds(20)));
        assertThat(byId.get("q1").hotScore()).isEqualTo(HotScore.of(0, 1, T.plusSeconds(10)));
        assertThat(hot.items()).extracting(FeedItemView::hotScore).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ids(hot)).startsWith("q2"); // 10^0.78 votes and answers beat an hour of age
        assertThat(byId.get("q1").position()).isEqualTo(history().indexOf(history().stream()
                .filter(e -> e instanceof QuestionAsked q && q.questionId().equals("q1")).findFirst().orElseThrow()) + 1);
    }

    @Test
    void anUndeletedAnswerCountsAgainAndTheQuestionLeavesUnanswered() throws Exception {
        List<Object> events = new ArrayList<>(history());
        events.add(new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", "wrong", "alice", T.plusSeconds(200)));
        MongoTemplate mongo = project("reversal", Tracked.of(events));
        CommunityFeed feed = new CommunityFeed(mongo, new ReadAccess(mongo));
        assertThat(ids(feed.read("c1", null, FeedOrder.UNANSWERED, null, 20, null))).containsExactly("q4", "q3", "q1");

        events.add(new PostUndeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "alice", T.plusSeconds(201)));
        events.add(new PostUndeleted("q6", "q6", PostKind.QUESTION, "c1", "bob", null, "alice", T.plusSeconds(202)));
        mongo = project("reversal", Tracked.of(events));
        feed = new CommunityFeed(mongo, new ReadAccess(mongo));
        assertThat(ids(feed.read("c1", null, FeedOrder.UNANSWERED, null, 20, null))).containsExactly("q4", "q3");
        assertThat(ids(feed.read("c1", null, FeedOrder.NEWEST, null, 1, null))).containsExactly("q6");
        ActivityFeed activity = new ActivityFeed(mongo, new ReadAccess(mongo));
        assertThat(ids(activity.read("alice", null, 20, null))).contains("ANSWERED:a6");
    }

    @Test
    void pagesStayStableWhileNewPostsArrive() throws Exception {
        List<EventMessage<?>> events = Tracked.of(history());
        MongoTemplate mongo = project("paging", events);
        CommunityFeed feed = new CommunityFeed(mongo, new ReadAccess(mongo));
        for (FeedOrder order : FeedOrder.values()) {
            Page<FeedItemView> all = feed.read("c1", null, order, null, 100, null);
            Page<FeedItemView> first = feed.read("c1", null, order, null, 2, null);
            List<EventMessage<?>> more = new ArrayList<>(events);
            more.addAll(Tracked.from(events.size() + 1, List.of(new QuestionAsked("q-new-" + order, "c1",
                    "A brand new question arrives", "Body", List.of(), "chen", T.plusSeconds(500)))));
            mongo = project("paging", more);
            feed = new CommunityFeed(mongo, new ReadAccess(mongo));
            List<String> paged = new ArrayList<>(ids(first));
            String cursor = first.endCursor();
            boolean hasNext = first.hasNextPage();
            while (hasNext) {
                Page<FeedItemView> next = feed.read("c1", null, order, null, 2, cursor);
                paged.addAll(ids(next));
                cursor = next.endCursor();
                hasNext = next.hasNextPage();
            }
            // nothing seen twice, nothing skipped; a new post lands on top in the time orders, so never in a later
            // page, and where its hot score puts it in the HOT order
            String newId = "q-new-" + order;
            assertThat(paged.stream().filter(id -> !id.equals(newId)).toList()).as(order.name()).isEqualTo(ids(all));
            if (order != FeedOrder.HOT) {
                assertThat(paged).as(order.name()).doesNotContain(newId);
            }
            mongo = project("paging", events);
            feed = new CommunityFeed(mongo, new ReadAccess(mongo));
        }
        assertThatThrownBy(() -> new CommunityFeed(harness.mongo("paging"), new ReadAccess(harness.mongo("paging")))
                .read("c1", null, FeedOrder.HOT, null, 2, "bm90LWEtY3Vyc29y"))
                .isInstanceOf(QueryRejectedException.class).hasFieldOrPropertyWithValue("code", "INVALID_CURSOR");
    }

    @Test
    void aPrivateCommunityFeedIsForItsMembersOnly() throws Exception {
        MongoTemplate mongo = project("private", Tracked.of(history()));
        CommunityFeed feed = new CommunityFeed(mongo, new ReadAccess(mongo));
        assertThat(ids(feed.read("c2", "bob", FeedOrder.NEWEST, null, 20, null))).containsExactly("p1");
        for (String outsider : new String[] {null, "alice"}) {
            assertThatThrownBy(() -> feed.read("c2", outsider, FeedOrder.NEWEST, null, 20, null))
                    .isInstanceOf(QueryRejectedException.class).hasFieldOrPropertyWithValue("code", "UNKNOWN_COMMUNITY");
        }
    }

    @Test
    void aMembersActivityWithoutDeletedPostsNorPrivateCommunitiesTheViewerCannotRead() throws Exception {
        MongoTemplate mongo = project("activity", Tracked.of(history()));
        ActivityFeed activity = new ActivityFeed(mongo, new ReadAccess(mongo));

        assertThat(ids(activity.read("alice", null, 20, null))).containsExactly("ASKED:q4", "ASKED:q3", "ASKED:q1");
        // bob: the comment k2 on his answer is chen's; his question q6 is deleted; p1 is in a private community
        assertThat(ids(activity.read("bob", null, 20, null))).containsExactly("ANSWERED:a1", "ASKED:q2");
        assertThat(ids(activity.read("bob", "alice", 20, null))).containsExactly("ANSWERED:a1", "ASKED:q2");
        assertThat(ids(activity.read("bob", "bob", 20, null))).containsExactly("ASKED:p1", "ANSWERED:a1", "ASKED:q2");
        // chen: the deleted answer a3, comment k2 and article r2 are gone
        assertThat(ids(activity.read("chen", null, 20, null))).containsExactly("ANSWERED:a2", "COMMENTED:k1", "PUBLISHED:r1");

        Page<FeedItemView> first = activity.read("chen", null, 2, null);
        Page<FeedItemView> second = activity.read("chen", null, 2, first.endCursor());
        assertThat(ids(first)).containsExactly("ANSWERED:a2", "COMMENTED:k1");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(ids(second)).containsExactly("PUBLISHED:r1");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void aHomeFeedBringsWhatTheMemberFollowsForTheirReasonsOnly() throws Exception {
        MongoTemplate mongo = project("home", Tracked.of(history()));
        HomeFeed home = new HomeFeed(mongo, new ReadAccess(mongo));

        Page<FeedItemView> page = home.read("dora", 20, null);
        // q1 (alice, also tag axon: one item), q2 (bob), r1 (tag axon), a1 (bob), a2 and a3 (on q2, followed: a3 deleted),
        // not q4 (alice unfollowed before), not q5 (dora's own), not p1 (private: dora is no member), not r2 (deleted),
        // not q6 (bob's, deleted)
        assertThat(ids(page)).containsExactly("ANSWERED:a2", "ANSWERED:a1", "ASKED:q3", "PUBLISHED:r1", "ASKED:q2", "ASKED:q1");
        Map<String, String> reasons = new java.util.HashMap<>();
        page.items().forEach(item -> reasons.put(item.id(), item.reason()));
        assertThat(reasons).containsEntry("ASKED:q1", "FOLLOWED_MEMBER").containsEntry("PUBLISHED:r1", "FOLLOWED_TAG")
                .containsEntry("ANSWERED:a2", "FOLLOWED_QUESTION").containsEntry("ANSWERED:a1", "FOLLOWED_MEMBER");
        assertThat(home.read("alice", 20, null).items()).isEmpty();
    }

    @Test
    void aLongHomeFeedPagesAcrossBucketsByKeyAndStaysStable() throws Exception {
        List<Object> events = new ArrayList<>(community());
        events.add(new MemberFollowed("dora", "alice", "dora", T));
        for (int i = 1; i <= 130; i++) {
            events.add(new QuestionAsked("q" + i, "c1", "Question number " + i + " of many", "Body", List.of(), "alice",
                    T.plusSeconds(i)));
        }
        events.add(new PostDeleted("q77", "q77", PostKind.QUESTION, "c1", "alice", "dup", "bob", T.plusSeconds(200)));
        List<EventMessage<?>> messages = Tracked.of(events);
        MongoTemplate mongo = project("long_home", messages);
        assertThat(mongo.getCollection(HomeFeedWriter.PAGES).countDocuments()).isEqualTo(3);
        HomeFeed home = new HomeFeed(mongo, new ReadAccess(mongo));

        Page<FeedItemView> first = home.read("dora", 40, null);
        // a new question arrives between pages: it is on top, and does not shift the next page
        List<EventMessage<?>> more = new ArrayList<>(messages);
        more.addAll(Tracked.from(messages.size() + 1, List.of(new QuestionAsked("q131", "c1", "Question number 131 arrives",
                "Body", List.of(), "alice", T.plusSeconds(300)))));
        mongo = project("long_home", more);
        home = new HomeFeed(mongo, new ReadAccess(mongo));
        List<String> seen = new ArrayList<>(ids(first));
        String cursor = first.endCursor();
        boolean hasNext = first.hasNextPage();
        while (hasNext) {
            Page<FeedItemView> next = home.read("dora", 40, cursor);
            seen.addAll(ids(next));
            cursor = next.endCursor();
            hasNext = next.hasNextPage();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 130; i >= 1; i--) {
            if (i != 77) {
                expected.add("ASKED:q" + i);
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(new HashSet<>(seen)).hasSize(129);
        assertThat(ids(home.read("dora", 1, null))).containsExactly("ASKED:q131");
    }

    @Test
    void homeAndActivityItemsRecordTheirEventsGlobalPosition() throws Exception {
        List<EventMessage<?>> messages = Tracked.from(1000, history());
        MongoTemplate mongo = project("positions", messages);
        Document item = mongo.findById("ASKED:q1", Document.class, FeedProjection.ACTIVITY);
        int index = history().indexOf(history().stream()
                .filter(e -> e instanceof QuestionAsked q && q.questionId().equals("q1")).findFirst().orElseThrow());
        assertThat(item.getLong("position")).isEqualTo(1000L + index);
        FeedItemView home = new HomeFeed(mongo, new ReadAccess(mongo)).read("dora", 100, null).items().stream()
                .filter(i -> i.id().equals("ASKED:q1")).findFirst().orElseThrow();
        assertThat(home.position()).isEqualTo(1000L + index);
    }
}
