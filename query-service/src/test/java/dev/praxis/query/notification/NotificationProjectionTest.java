package dev.praxis.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.flag.FlagDecision;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.notification.AllNotificationsRead;
import dev.praxis.api.notification.NotificationsRead;
import dev.praxis.api.query.NotificationView;
import dev.praxis.api.query.Page;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.MembersMentioned;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.feed.Tracked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Notifications built from events through the real projection: who hears of what (never of their
 * own act), retraction when the cause is taken back, read and read-all, and an unread count that
 * stays exact through all of it.
 */
class NotificationProjectionTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static final Function<MongoTemplate, List<Object>> PROJECTIONS = mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo),
            new NotificationProjection(mongo, new Notifications(mongo)));

    private static final CommandCounter postReads = new CommandCounter(e -> e.getCommandName().equals("find")
            && e.getCommand().getString("find").getValue().equals(NotificationProjection.POSTS));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(PROJECTIONS, postReads);

    static List<Object> history() {
        return new ArrayList<>(List.of(
                new CommunityCreated("c1", "Java Practitioners", "JVM", null, "alice", T),
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T),
                new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new MemberJoinedCommunity("c1", "chen", "Chen", CommunityRole.MEMBER, "chen", T),
                new QuestionAsked("q1", "c1", "How do I replay one projection?", "Body", List.of("axon"), "alice", T.plusSeconds(1)),
                new QuestionFollowed("dora", "q1", "dora", T.plusSeconds(2)),
                /* 7 */ new AnswerPosted("q1", "a1", "c1", "Reset the tokens, @chen knows.", "bob", T.plusSeconds(3)),
                /* 8 */ new MembersMentioned("q1", "a1", PostKind.ANSWER, "c1", List.of("chen", "bob"), "bob", T.plusSeconds(3)),
                /* 9 */ new CommentAdded("q1", "k1", "a1", PostKind.ANSWER, "c1", "bob", "Which version, @alice and @bob?",
                        List.of("alice", "bob"), "chen", T.plusSeconds(4)),
                /* 10 */ new CommentAdded("q1", "k2", "q1", PostKind.QUESTION, "c1", "alice", "Own comment", List.of(), "alice",
                        T.plusSeconds(5)),
                /* 11 */ new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T.plusSeconds(6)),
                /* 12 */ new AnswerEndorsed("q1", "a1", "c1", "bob", "Verified", "chen", T.plusSeconds(7)),
                /* 13 */ new SkillEndorsed("bob", "axon", "Knows it", "alice", T.plusSeconds(8)),
                /* 14 */ new BountyOffered("q1", 1, "c1", 50, T.plus(Duration.ofDays(7)), "chen", T.plusSeconds(9)),
                /* 15 */ new BountyAwarded("q1", 1, "c1", "a1", "bob", 50, "chen", T.plusSeconds(10)),
                /* 16 */ new QuestionClosed("q1", "c1", CloseReason.NEEDS_FOCUS, null, "bob", T.plusSeconds(11)),
                /* 17 */ new FlagReviewed("a1", PostKind.ANSWER, "q1", "c1", "bob", FlagDecision.DISMISS, null, List.of("chen"),
                        "alice", T.plusSeconds(12)),
                /* 18 */ new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T.plusSeconds(13)),
                /* 19 */ new SkillEndorsementWithdrawn("bob", "axon", "alice", T.plusSeconds(14)),
                /* 20 */ new CommentDeleted("q1", "k1", "a1", "c1", "chen", "chen", T.plusSeconds(15))));
    }

    private MongoTemplate project(String database, List<EventMessage<?>> events) throws Exception {
        harness.project(database, events);
        return harness.mongo(database);
    }

    private static List<String> types(Page<NotificationView> page) {
        return page.items().stream().map(NotificationView::type).toList();
    }

    @Test
    void eachMemberHearsOfWhatOthersDidToTheirPostsAndNothingTakenBack() throws Exception {
        MongoTemplate mongo = project("who", Tracked.of(history()));
        NotificationPages pages = new NotificationPages(mongo, new ReadAccess(mongo));
        Notifications notifications = new Notifications(mongo);

        // alice: bob's answer, chen's mention (its comment k1 since deleted: retracted), chen's bounty and bob's close of
        // her question; her own comment tells nobody
        assertThat(types(pages.read("alice", 20, null, false))).containsExactly("QUESTION_CLOSED", "BOUNTY_OFFERED", "ANSWER");
        // bob: the comment on his answer (deleted: retracted), accepted (withdrawn: retracted), chen's endorsement,
        // alice's skill endorsement (withdrawn), the bounty; his own mention of himself tells him nothing
        assertThat(types(pages.read("bob", 20, null, false))).containsExactly("BOUNTY_AWARDED", "ANSWER_ENDORSED");
        // chen: mentioned in bob's answer, the outcome of the flag
        assertThat(types(pages.read("chen", 20, null, false))).containsExactly("FLAG_REVIEWED", "MENTION");
        // dora follows q1: the bounty; alice asked q1: the bounty and the close
        assertThat(types(pages.read("dora", 20, null, false))).containsExactly("BOUNTY_OFFERED");
        assertThat(notifications.unreadCount("alice")).isEqualTo(3);
        NotificationView answer = pages.read("alice", 20, null, false).items().get(2);
        assertThat(answer.actorId()).isEqualTo("bob");
        assertThat(answer.postId()).isEqualTo("a1");
        assertThat(answer.position()).isEqualTo(7);
        assertThat(answer.read()).isFalse();
        assertThat(notifications.unreadCount("bob")).isEqualTo(2);
        assertThat(notifications.unreadCount("chen")).isEqualTo(2);
    }

    /**
     * A batch keeps the posts it wrote: the answer's, the bounty's and the close's notices find their
     * question's asker without a read when the question came in the same batch, as in a replay.
     */
    @Test
    void oneBatchLeavesWhatBatchesOfOneLeaveWithoutReadingThePostsItWrote() throws Exception {
        List<EventMessage<?>> events = history().stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();

        Map<String, List<Document>> oneByOne = harness.projectTracked("posts_one_by_one", "notifications", events, PROJECTIONS, 1);
        Map<String, List<Document>> inOneBatch = harness.projectTracked("posts_in_one_batch", "notifications", events, PROJECTIONS, 500);

        assertThat(inOneBatch).isEqualTo(oneByOne);
        assertThat(inOneBatch.get(Notifications.NOTIFICATIONS)).hasSizeGreaterThan(10);
        // the dump of each run reads the posts once; one by one, the three notices read the asker's too
        assertThat(postReads.count("posts_one_by_one")).isEqualTo(1 + 3);
        assertThat(postReads.count("posts_in_one_batch")).isEqualTo(1);
    }

    @Test
    void theQuestionsAskerHearsOfTheBountyAndTheClose() throws Exception {
        List<Object> events = history().subList(0, 17);
        MongoTemplate mongo = project("asker", Tracked.of(events));
        NotificationPages pages = new NotificationPages(mongo, new ReadAccess(mongo));
        assertThat(types(pages.read("alice", 20, null, false)))
                .containsExactly("QUESTION_CLOSED", "BOUNTY_OFFERED", "MENTION", "ANSWER");
        assertThat(types(pages.read("bob", 20, null, false)))
                .containsExactly("BOUNTY_AWARDED", "SKILL_ENDORSED", "ANSWER_ENDORSED", "ANSWER_ACCEPTED", "COMMENT");
        assertThat(new Notifications(mongo).unreadCount("bob")).isEqualTo(5);
    }

    @Test
    void readingOneAllAndTheUnreadCountStayExact() throws Exception {
        List<Object> events = history().subList(0, 17);
        String bountyAwarded = Notifications.idOf("bob", "BOUNTY_AWARDED", "q1#1");
        String comment = Notifications.idOf("bob", "COMMENT", "k1");
        events.add(new NotificationsRead("bob", List.of(bountyAwarded, Notifications.idOf("alice", "ANSWER", "a1")),
                "bob", T.plusSeconds(20)));
        MongoTemplate mongo = project("read", Tracked.of(events));
        Notifications notifications = new Notifications(mongo);
        NotificationPages pages = new NotificationPages(mongo, new ReadAccess(mongo));
        assertThat(notifications.unreadCount("bob")).isEqualTo(4);
        // alice's notification is hers: bob cannot mark it read
        assertThat(notifications.unreadCount("alice")).isEqualTo(4);
        assertThat(pages.read("bob", 20, null, true).items()).extracting(NotificationView::id).doesNotContain(bountyAwarded);

        // bob reads everything up to the acceptance (position 11); then a comment deletion retracts an already read one
        events.add(new AllNotificationsRead("bob", 11, "bob", T.plusSeconds(21)));
        events.add(new CommentDeleted("q1", "k1", "a1", "c1", "chen", "chen", T.plusSeconds(22)));
        mongo = project("read", Tracked.of(events));
        notifications = new Notifications(mongo);
        pages = new NotificationPages(mongo, new ReadAccess(mongo));
        assertThat(types(pages.read("bob", 20, null, true))).containsExactly("SKILL_ENDORSED", "ANSWER_ENDORSED");
        assertThat(notifications.unreadCount("bob")).isEqualTo(2);
        assertThat(pages.read("bob", 20, null, false).items()).extracting(NotificationView::id).doesNotContain(comment);

        // a deleted answer retracts the unread notification of it; undeleted, it is back and unread
        // (alice: the close, the bounty, the answer; the mention in k1 went with the comment)
        assertThat(notifications.unreadCount("alice")).isEqualTo(3);
        events.add(new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", "spam", "alice", T.plusSeconds(23)));
        mongo = project("read", Tracked.of(events));
        assertThat(new Notifications(mongo).unreadCount("alice")).isEqualTo(2);
        assertThat(types(new NotificationPages(mongo, new ReadAccess(mongo)).read("bob", 1, null, false)))
                .containsExactly("POST_DELETED");
        events.add(new PostUndeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "alice", T.plusSeconds(24)));
        mongo = project("read", Tracked.of(events));
        assertThat(new Notifications(mongo).unreadCount("alice")).isEqualTo(3);

        // the acceptance again, later: bob hears of it anew, unread
        events.add(new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T.plusSeconds(25)));
        events.add(new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T.plusSeconds(26)));
        mongo = project("read", Tracked.of(events));
        assertThat(types(new NotificationPages(mongo, new ReadAccess(mongo)).read("bob", 2, null, true)))
                .containsExactly("ANSWER_ACCEPTED", "POST_DELETED");
        assertThat(new Notifications(mongo).unreadCount("bob")).isEqualTo(4);
    }

    @Test
    void aPrivateCommunitysNotificationsAreHiddenFromAMemberWhoLeftIt() throws Exception {
        List<Object> events = new ArrayList<>(List.of(
                new CommunityCreated("c2", "Secret Guild", null, null, "alice", T),
                new MemberJoinedCommunity("c2", "alice", "Alice", CommunityRole.OWNER, "alice", T),
                new MemberJoinedCommunity("c2", "bob", "Bob", CommunityRole.MEMBER, "bob", T),
                new CommunityVisibilityChanged("c2", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "alice", T),
                new QuestionAsked("g1", "c2", "A question among guild members", "Body", List.of(), "bob", T.plusSeconds(1)),
                new AnswerPosted("g1", "g1a", "c2", "An answer", "alice", T.plusSeconds(2))));
        MongoTemplate mongo = project("private", Tracked.of(events));
        assertThat(types(new NotificationPages(mongo, new ReadAccess(mongo)).read("bob", 20, null, false)))
                .containsExactly("ANSWER");

        events.add(new MemberLeftCommunity("c2", "bob", "bob", T.plusSeconds(3)));
        mongo = project("private", Tracked.of(events));
        assertThat(new NotificationPages(mongo, new ReadAccess(mongo)).read("bob", 20, null, false).items()).isEmpty();
    }

    @Test
    void pagesFollowTheCursorAndOtherProjectionsMayNotify() throws Exception {
        MongoTemplate mongo = project("paging", Tracked.of(history().subList(0, 17)));
        Notifications notifications = new Notifications(mongo);
        // as the badges projection will: a notification of its own, idempotent
        NewNotification badge = new NewNotification("bob", "BADGE_AWARDED", "teacher", "c1", null, null, "system",
                "Teacher", T.plusSeconds(30), 100);
        notifications.notify(badge);
        notifications.notify(badge);
        notifications.notify(new NewNotification("bob", "BADGE_AWARDED", "self", "c1", null, null, "bob", "Self",
                T.plusSeconds(30), 101));
        NotificationPages pages = new NotificationPages(mongo, new ReadAccess(mongo));
        List<String> seen = new ArrayList<>();
        Page<NotificationView> page = pages.read("bob", 2, null, false);
        seen.addAll(types(page));
        while (page.hasNextPage()) {
            page = pages.read("bob", 2, page.endCursor(), false);
            seen.addAll(types(page));
        }
        assertThat(seen).containsExactly("BADGE_AWARDED", "BOUNTY_AWARDED", "SKILL_ENDORSED", "ANSWER_ENDORSED",
                "ANSWER_ACCEPTED", "COMMENT");
        assertThat(notifications.unreadCount("bob")).isEqualTo(6);
    }
}
