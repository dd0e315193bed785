package dev.praxis.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MembershipRequested;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MembershipView;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagIds;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.article.ArticleProjection;
import dev.praxis.query.article.ArticleQueries;
import dev.praxis.query.bounty.BountyProjection;
import dev.praxis.query.bounty.BountyQueries;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityMemberQueries;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.flag.ModerationQueueQueries;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.member.MemberQueries;
import dev.praxis.query.reputation.ReputationTotals;
import dev.praxis.query.question.ContentProjection;
import dev.praxis.query.question.ContentQueries;
import dev.praxis.query.question.QuestionProjection;
import dev.praxis.query.question.QuestionQueries;
import dev.praxis.query.shared.QueryRejectedException;
import dev.praxis.query.tag.TagProjection;
import dev.praxis.query.tag.TagQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every read endpoint of the query service, as anonymous, as a non-member, as a member, as a
 * moderator, on read models that the real projections left: a private community's content is for
 * its members only, and answers 404 or is left out for anyone else, exactly as what does not exist.
 */
class ReadPathsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final String STRANGER = "nick";

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new MemberProjection(mongo),
            new QuestionProjection(mongo), new ContentProjection(mongo), new ArticleProjection(mongo),
            new TagProjection(mongo), new BountyProjection(mongo)));

    static CommunityQueries communities;
    static CommunityMemberQueries members;
    static QuestionQueries questions;
    static ContentQueries content;
    static ArticleQueries articles;
    static TagQueries tags;
    static BountyQueries bounties;
    static ModerationQueueQueries moderation;
    static MemberQueries memberViews;

    @BeforeAll
    static void project() throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String community : List.of("open", "secret")) {
            events.add(event(new CommunityCreated(community, community + " guild", null, PrivilegePreset.TEAM, "olga", T)));
            events.add(event(new MemberJoinedCommunity(community, "olga", "Olga", CommunityRole.OWNER, "olga", T)));
            events.add(event(new MemberJoinedCommunity(community, "mona", "Mona", CommunityRole.MODERATOR, "olga", T)));
            events.add(event(new MemberJoinedCommunity(community, "mel", "Mel", CommunityRole.MEMBER, "mel", T)));
            events.add(event(new MemberJoinedCommunity(community, "sus", "Sus", CommunityRole.MEMBER, "sus", T)));
            events.add(event(new MemberSuspended(community, "sus", "Spam in " + community,
                    Instant.now().plus(2, ChronoUnit.DAYS), "mona", T)));
            String question = "q-" + community;
            events.add(event(new QuestionAsked(question, community, "A question of " + community, "Body", List.of(), "mel", T)));
            events.add(event(new AnswerPosted(question, "a-" + community, community, "An answer", "mona", T)));
            events.add(event(new CommentAdded(question, "c-" + community, question, PostKind.QUESTION, community, "mel",
                    "A comment", List.of(), "mona", T)));
            events.add(event(new ArticlePublished("art-" + community, community, "An article of " + community, "Body",
                    List.of(), "mel", T)));
            events.add(event(new TagCreated(TagIds.of(community, "guides"), community, "guides", "Guides", "olga", T)));
            events.add(event(new BountyOffered(question, 1, community, 50, T.plus(7, ChronoUnit.DAYS), "mona", T)));
        }
        events.add(event(new CommunityVisibilityChanged("secret", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "olga", T)));
        events.add(event(new MembershipRequested("secret", "rita", "Rita", "Let me in", "rita", T)));
        harness.project("paths", events);

        MongoTemplate mongo = harness.mongo("paths");
        ReadConsistency consistency = new ReadConsistency(null, Duration.ZERO);
        ReadAccess access = new ReadAccess(mongo);
        PostCommunities posts = new PostCommunities(mongo);
        communities = new CommunityQueries(mongo, consistency, access);
        members = new CommunityMemberQueries(mongo, consistency, communities, access);
        questions = new QuestionQueries(mongo, consistency, communities, access);
        content = new ContentQueries(mongo, consistency, access, posts);
        articles = new ArticleQueries(mongo, consistency, communities, access);
        tags = new TagQueries(mongo, consistency, communities, access);
        bounties = new BountyQueries(mongo, consistency, access, posts);
        moderation = new ModerationQueueQueries(mongo, consistency, communities, access);
        memberViews = new MemberQueries(mongo, consistency, new ReputationTotals(mongo), access);
    }

    @Test
    void thePrivateCommunityIsListedForItsMembersOnly() {
        assertThat(communities.communities(20, null, null, null).items()).extracting(CommunityView::id).containsExactly("open");
        assertThat(communities.communities(20, null, STRANGER, null).totalCount()).isEqualTo(1);
        assertThat(communities.communities(20, null, "mel", null).items()).extracting(CommunityView::id)
                .containsExactlyInAnyOrder("open", "secret");
    }

    @Test
    void byIdThePrivateCommunityAndItsContentAnswerAsWhatDoesNotExist() {
        for (String viewer : new String[] {null, STRANGER}) {
            assertUnknown(() -> communities.community("secret", viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> questions.question("q-secret", viewer, null), "UNKNOWN_QUESTION");
            assertUnknown(() -> questions.questionsOf("secret", 10, null, viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> articles.article("art-secret", viewer, null), "UNKNOWN_ARTICLE");
            assertUnknown(() -> articles.articlesOf("secret", 10, null, viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> tags.tag("secret", "guides", viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> tags.tagsOf("secret", 10, null, viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> content.revisions("q-secret", viewer, null), "UNKNOWN_POST");
            assertUnknown(() -> bounties.bountyOf("q-secret", viewer, null), "NO_OPEN_BOUNTY");
            assertUnknown(() -> members.members("secret", 10, null, viewer, null), "UNKNOWN_COMMUNITY");
            assertUnknown(() -> members.member("secret", "mel", viewer, null), "UNKNOWN_COMMUNITY");
        }
        assertUnknown(() -> communities.community("nowhere", null, null), "UNKNOWN_COMMUNITY");
        assertUnknown(() -> content.revisions("nothing", "mel", null), "UNKNOWN_POST");

        assertThat(communities.community("secret", "mel", null).name()).isEqualTo("secret guild");
        assertThat(questions.question("q-secret", "mel", null).title()).isEqualTo("A question of secret");
        assertThat(content.revisions("q-secret", "mel", null)).hasSize(1);
        assertThat(bounties.bountyOf("q-secret", "mel", null).amount()).isEqualTo(50);
        assertThat(tags.tag("secret", "guides", "mel", null).name()).isEqualTo("guides");
        assertThat(questions.question("q-open", null, null).title()).isEqualTo("A question of open");
    }

    @Test
    void batchesLeaveOutWhatTheViewerMayNotRead() {
        for (String viewer : new String[] {null, STRANGER}) {
            assertThat(communities.batch(ids("open", "secret"), viewer, null)).hasSize(1);
            assertThat(questions.questions(ids("q-open", "q-secret"), viewer, null)).hasSize(1);
            assertThat(questions.answers(ids("a-open", "a-secret"), viewer, null)).hasSize(1);
            assertThat(content.commentsById(ids("c-open", "c-secret"), viewer, null)).hasSize(1);
            assertThat(content.comments(ids("q-open", "q-secret"), viewer, null)).hasSize(1);
            assertThat(articles.articles(ids("art-open", "art-secret"), viewer, null)).hasSize(1);
            assertThat(tags.tags(ids(TagIds.of("open", "guides"), TagIds.of("secret", "guides")), viewer, null)).hasSize(1);
            assertThat(bounties.bounties(ids("q-open", "q-secret"), viewer, null)).hasSize(1);
            assertThat(memberViews.member("mel", viewer, null).memberships()).extracting(MembershipView::communityId)
                    .containsExactly("open");
        }
        assertThat(questions.questions(ids("q-open", "q-secret"), "mel", null)).hasSize(2);
        assertThat(bounties.bounties(ids("q-open", "q-secret"), "mel", null)).hasSize(2);
        assertThat(memberViews.members(ids("mel"), "mel", null).get(0).memberships()).hasSize(2);
    }

    @Test
    void whyAMemberIsSuspendedIsForModeratorsAndThemselves() {
        assertThat(reasonOfSus("open", null)).isNull();
        assertThat(reasonOfSus("open", STRANGER)).isNull();
        assertThat(reasonOfSus("secret", "mel")).isNull();
        assertThat(reasonOfSus("secret", "mona")).isEqualTo("Spam in secret");
        assertThat(reasonOfSus("secret", "olga")).isEqualTo("Spam in secret");
        assertThat(reasonOfSus("secret", "sus")).isEqualTo("Spam in secret");
        assertThat(members.member("open", "sus", null, null).status().name()).isEqualTo("SUSPENDED");
        assertThat(members.member("open", "sus", null, null).restrictionReason()).isNull();
    }

    @Test
    void requestsToJoinAndTheModerationQueueAreForModeratorsOnly() {
        assertUnknown(() -> members.membershipRequests("secret", 10, null, STRANGER, null), "UNKNOWN_COMMUNITY");
        QueryRejectedException refused = catchThrowableOfType(QueryRejectedException.class,
                () -> members.membershipRequests("secret", 10, null, "mel", null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_A_MODERATOR");
        assertThat(members.membershipRequests("secret", 10, null, "mona", null).items()).hasSize(1);
        assertThat(catchThrowableOfType(QueryRejectedException.class,
                () -> moderation.queue("open", 10, null, null, null)).code()).isEqualTo("NOT_A_MODERATOR");
        assertThat(moderation.queue("open", 10, null, "olga", null).items()).isEmpty();
    }

    private static String reasonOfSus(String community, String viewer) {
        return members.members(community, 50, null, viewer, null).items().stream()
                .filter(member -> member.memberId().equals("sus"))
                .findFirst().map(CommunityMemberView::restrictionReason).orElse(null);
    }

    private static void assertUnknown(Supplier<?> read, String code) {
        QueryRejectedException refused = catchThrowableOfType(QueryRejectedException.class, read::get);
        assertThat(refused).as(code).isNotNull();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo(code);
    }

    private static IdBatch ids(String... ids) {
        return new IdBatch(List.of(ids));
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
