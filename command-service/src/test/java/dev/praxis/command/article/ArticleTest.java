package dev.praxis.command.article;

import static dev.praxis.command.question.RejectionMatchers.rejectedWith;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.article.DeleteArticle;
import dev.praxis.api.article.EditArticle;
import dev.praxis.api.article.PublishArticle;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.command.question.FixedPrivileges;
import dev.praxis.api.community.MemberStatus;
import dev.praxis.command.question.InMemoryCommunityDirectory;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T09:00:00Z");
    private static final String TITLE = "Replaying a projection with Axon";
    private static final String BODY = "# Steps\n\nReset the tokens, then start the processor.";

    private AggregateTestFixture<Article> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Article.class);
        fixture.registerInjectableResource(new InMemoryCommunityDirectory()
                .withMember("c1", "alice").withMember("c1", "bob").withMember("c1", "editor")
                .withRole("c1", "mod", CommunityRole.MODERATOR)
                .withMember("c1", "sam").withBlock("c1", "sam", MemberStatus.SUSPENDED, T1.plusSeconds(86_400)));
        fixture.registerInjectableResource(new FixedPrivileges().with("alice", 1).with("bob", 1_000)
                .with("editor", 2_000).with("mod", 10_000));
    }

    private static ArticlePublished published() {
        return new ArticlePublished("r1", "c1", TITLE, BODY, List.of("axon"), "alice", T0);
    }

    private static void rejected(ResultValidator<Article> result, String code) {
        result.expectException(rejectedWith(code)).expectNoEvents();
    }

    @Test
    void aMemberPublishes() {
        fixture.givenNoPriorActivity()
                .when(new PublishArticle("r1", "c1", " " + TITLE, BODY, List.of("Axon"), "alice", T0))
                .expectEvents(published());
    }

    @Test
    void aSuspendedMemberCannotPublishWhileTheSuspensionLasts() {
        fixture.givenNoPriorActivity()
                .when(new PublishArticle("r1", "c1", TITLE, BODY, List.of(), "sam", T0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aNonMemberCannotPublish() {
        rejected(fixture.givenNoPriorActivity().when(new PublishArticle("r1", "c1", TITLE, BODY, List.of(), "eve", T0)), "NOT_A_MEMBER");
    }

    @Test
    void anUnknownCommunityIsRefused() {
        rejected(fixture.givenNoPriorActivity().when(new PublishArticle("r1", "c9", TITLE, BODY, List.of(), "alice", T0)),
                "UNKNOWN_COMMUNITY");
    }

    @Test
    void aShortTitleIsRefused() {
        rejected(fixture.givenNoPriorActivity().when(new PublishArticle("r1", "c1", "Axon", BODY, List.of(), "alice", T0)),
                "TITLE_TOO_SHORT");
    }

    @Test
    void anEmptyBodyIsRefused() {
        rejected(fixture.givenNoPriorActivity().when(new PublishArticle("r1", "c1", TITLE, " ", List.of(), "alice", T0)),
                "BODY_EMPTY");
    }

    @Test
    void theAuthorEditsARevision() {
        fixture.given(published())
                .when(new EditArticle("r1", TITLE, BODY + " Done.", List.of("axon", "replay"), "more", "alice", T1))
                .expectEvents(new ArticleEdited("r1", "c1", "alice", 2, TITLE, BODY + " Done.", List.of("axon", "replay"),
                        List.of("body", "tags"), "more", "alice", T1));
    }

    @Test
    void anEditorEditsAnotherMembersArticle() {
        fixture.given(published())
                .when(new EditArticle("r1", TITLE + "!", BODY, List.of("axon"), null, "editor", T1))
                .expectEvents(new ArticleEdited("r1", "c1", "alice", 2, TITLE + "!", BODY, List.of("axon"), List.of("title"),
                        null, "editor", T1));
    }

    @Test
    void aMemberWithoutThePrivilegeCannotEditAnotherMembersArticle() {
        rejected(fixture.given(published()).when(new EditArticle("r1", TITLE + "!", BODY, List.of("axon"), null, "bob", T1)),
                "MISSING_PRIVILEGE");
    }

    @Test
    void anUnchangedEditIsRefused() {
        rejected(fixture.given(published()).when(new EditArticle("r1", TITLE, BODY, List.of("axon"), null, "alice", T1)),
                "NOTHING_CHANGED");
    }

    @Test
    void aDeletedArticleIsNotEdited() {
        rejected(fixture.given(published(), new ArticleDeleted("r1", "c1", "alice", null, "alice", T0))
                .when(new EditArticle("r1", TITLE + "!", BODY, List.of("axon"), null, "alice", T1)), "POST_DELETED");
    }

    @Test
    void theAuthorDeletes() {
        fixture.given(published()).when(new DeleteArticle("r1", "outdated", "alice", T1))
                .expectEvents(new ArticleDeleted("r1", "c1", "alice", "outdated", "alice", T1));
    }

    @Test
    void aModeratorDeletes() {
        fixture.given(published()).when(new DeleteArticle("r1", null, "mod", T1))
                .expectEvents(new ArticleDeleted("r1", "c1", "alice", null, "mod", T1));
    }

    @Test
    void anotherMemberCannotDelete() {
        rejected(fixture.given(published()).when(new DeleteArticle("r1", null, "editor", T1)), "NOT_THE_AUTHOR");
    }

    @Test
    void aDeletedArticleIsNotDeletedAgain() {
        rejected(fixture.given(published(), new ArticleDeleted("r1", "c1", "alice", null, "alice", T0))
                .when(new DeleteArticle("r1", null, "mod", T1)), "POST_DELETED");
    }
}
