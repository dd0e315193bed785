package dev.praxis.command.question;

import static dev.praxis.api.question.VoteDirection.DOWN;
import static dev.praxis.api.question.VoteDirection.UP;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.question.AddComment;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.CloseQuestion;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.CommentDeleted;
import dev.praxis.api.question.CommentEdited;
import dev.praxis.api.question.DeleteComment;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.EditAnswer;
import dev.praxis.api.question.EditComment;
import dev.praxis.api.question.EditQuestion;
import dev.praxis.api.question.EndorseAnswer;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.MembersMentioned;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.QuestionReopened;
import dev.praxis.api.question.QuestionUnlocked;
import dev.praxis.api.question.ReopenQuestion;
import dev.praxis.api.question.RetractVote;
import dev.praxis.api.question.RollbackPost;
import dev.praxis.api.question.UndeletePost;
import dev.praxis.api.question.UnlockQuestion;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.question.WithdrawAcceptance;
import dev.praxis.api.question.WithdrawAnswerEndorsement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.praxis.command.tag.InMemoryTagDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Edits and revisions, comments, moderation, closing, vote changes, withdrawals: the thread's content rules. */
class ContentTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T09:00:00Z");
    private static final String TITLE = "How do I replay a single Axon projection?";
    private static final String BODY = "I have a *tracking* processor and want to rebuild it.";
    private static final String TITLE2 = "How do I replay one Axon tracking projection?";

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(new InMemoryCommunityDirectory()
                .withMember("c1", "alice").withMember("c1", "bob").withMember("c1", "chen").withMember("c1", "newbie")
                .withMember("c1", "editor").withMember("c1", "closer").withMember("c1", "dan").withRole("c1", "mod", CommunityRole.MODERATOR));
        fixture.registerInjectableResource(new FixedPrivileges()
                .with("alice", 1_000).with("bob", 1_000).with("chen", 1_000).with("newbie", 1)
                .with("editor", 2_000).with("closer", 3_000).with("dan", 20).with("mod", 10_000));
        fixture.registerInjectableResource(new InMemoryTagDirectory().withTag("c1", "axon").withTag("c1", "event-sourcing"));
        fixture.registerInjectableResource((Expertise) (community, member, tags) -> member.equals("chen") && tags.contains("axon"));
        fixture.registerInjectableResource((QuestionDirectory) id -> switch (id) {
            case "q1", "q2" -> Optional.of("c1");
            case "q3" -> Optional.of("c2");
            default -> Optional.empty();
        });
    }

    private static QuestionAsked asked() {
        return new QuestionAsked("q1", "c1", TITLE, BODY, List.of("axon"), "alice", T0);
    }

    private static AnswerPosted answered(String answerId, String author) {
        return new AnswerPosted("q1", answerId, "c1", "Reset its tokens.", author, T0);
    }

    private static QuestionEdited edited(int revision, String title, List<String> changed, String actor) {
        return new QuestionEdited("q1", "c1", "alice", revision, title, BODY, List.of("axon"), changed, null, null, List.of(), actor, T1);
    }

    private static VoteCast vote(String postId, String author, String voter) {
        return new VoteCast("q1", postId, postId.equals("q1") ? PostKind.QUESTION : PostKind.ANSWER, "c1", author, UP, voter, T0);
    }

    private static QuestionLocked locked() {
        return new QuestionLocked("q1", "c1", null, "mod", T0);
    }

    private static PostDeleted questionDeleted() {
        return new PostDeleted("q1", "q1", PostKind.QUESTION, "c1", "alice", null, "mod", T0);
    }

    private static QuestionClosed closed() {
        return new QuestionClosed("q1", "c1", CloseReason.OFF_TOPIC, null, "closer", T0);
    }

    private static CommentAdded comment(String commentId, String author) {
        return new CommentAdded("q1", commentId, "q1", PostKind.QUESTION, "c1", "alice", "Which version?", List.of(), author, T0);
    }

    private static void rejected(ResultValidator<Question> result, String code) {
        result.expectException(RejectionMatchers.rejectedWith(code)).expectNoEvents();
    }

    @Nested
    class Editing {

        @Test
        void theAuthorEditsTheTitleWithAComment() {
            fixture.given(asked())
                    .when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), " clearer title ", "alice", T1))
                    .expectEvents(new QuestionEdited("q1", "c1", "alice", 2, TITLE2, BODY, List.of("axon"), List.of("title"),
                            "clearer title", null, List.of(), "alice", T1));
        }

        @Test
        void anEditRecordsTheMembersItsBodyMentions() {
            fixture.given(asked())
                    .when(new EditQuestion("q1", TITLE, BODY + " cc @bob and @stranger.", List.of("axon", "cqrs"), null, "alice", T1))
                    .expectEvents(new QuestionEdited("q1", "c1", "alice", 2, TITLE, BODY + " cc @bob and @stranger.",
                            List.of("axon", "cqrs"), List.of("body", "tags"), null, null, List.of("bob"), "alice", T1));
        }

        @Test
        void aMemberWithEditOthersPostsEdits() {
            fixture.given(asked())
                    .when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "editor", T1))
                    .expectEvents(edited(2, TITLE2, List.of("title"), "editor"));
        }

        @Test
        void aModeratorEdits() {
            fixture.given(asked())
                    .when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "mod", T1))
                    .expectEvents(edited(2, TITLE2, List.of("title"), "mod"));
        }

        @Test
        void aLowReputationMemberCannotEditOthersPosts() {
            rejected(fixture.given(asked()).when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "bob", T1)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void aNonMemberCannotEdit() {
            rejected(fixture.given(asked()).when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "eve", T1)),
                    "NOT_A_MEMBER");
        }

        @Test
        void anUnchangedEditIsRefused() {
            rejected(fixture.given(asked()).when(new EditQuestion("q1", " " + TITLE, BODY, List.of("Axon"), "nothing", "alice", T1)),
                    "NOTHING_CHANGED");
        }

        @Test
        void anEditNeedsAValidTitle() {
            rejected(fixture.given(asked()).when(new EditQuestion("q1", "short", BODY, List.of(), null, "alice", T1)),
                    "TITLE_TOO_SHORT");
        }

        @Test
        void anOversizedEditCommentIsRefused() {
            rejected(fixture.given(asked()).when(new EditQuestion("q1", TITLE2, BODY, List.of(), "c".repeat(301), "alice", T1)),
                    "COMMENT_TOO_LONG");
        }

        @Test
        void aLockedQuestionIsNotEdited() {
            rejected(fixture.given(asked(), locked()).when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "alice", T1)),
                    "QUESTION_LOCKED");
        }

        @Test
        void aDeletedQuestionIsNotEdited() {
            rejected(fixture.given(asked(), questionDeleted())
                    .when(new EditQuestion("q1", TITLE2, BODY, List.of("axon"), null, "alice", T1)), "POST_DELETED");
        }

        @Test
        void theAuthorEditsAnAnswer() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new EditAnswer("q1", "a1", "Reset its tokens, then restart it.", "more detail", "bob", T1))
                    .expectEvents(new AnswerEdited("q1", "a1", "c1", "bob", 2, "Reset its tokens, then restart it.", "more detail",
                            null, List.of(), "bob", T1));
        }

        @Test
        void anotherMemberWithoutThePrivilegeCannotEditAnAnswer() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EditAnswer("q1", "a1", "Other text", null, "chen", T1)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void anUnchangedAnswerEditIsRefused() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EditAnswer("q1", "a1", "Reset its tokens.", null, "bob", T1)),
                    "NOTHING_CHANGED");
        }

        @Test
        void anUnknownAnswerIsNotEdited() {
            rejected(fixture.given(asked()).when(new EditAnswer("q1", "a9", "Text", null, "bob", T1)), "UNKNOWN_ANSWER");
        }

        @Test
        void aDeletedAnswerIsNotEdited() {
            rejected(fixture.given(asked(), answered("a1", "bob"),
                            new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", T0))
                    .when(new EditAnswer("q1", "a1", "New text", null, "bob", T1)), "POST_DELETED");
        }
    }

    @Nested
    class Mentioning {

        @Test
        void aNewQuestionNamesTheMembersItMentions() {
            fixture.givenNoPriorActivity()
                    .when(new AskQuestion("q1", "c1", TITLE, "Any idea, @bob or @chen? Not @eve.", List.of("axon"), "alice", T0))
                    .expectEvents(new QuestionAsked("q1", "c1", TITLE, "Any idea, @bob or @chen? Not @eve.", List.of("axon"), "alice", T0),
                            new MembersMentioned("q1", "q1", PostKind.QUESTION, "c1", List.of("bob", "chen"), "alice", T0));
        }

        @Test
        void aNewAnswerNamesTheMembersItMentions() {
            fixture.given(asked())
                    .when(new PostAnswer("q1", "a1", "As @alice said: reset.", "bob", T1))
                    .expectEvents(new AnswerPosted("q1", "a1", "c1", "As @alice said: reset.", "bob", T1),
                            new MembersMentioned("q1", "a1", PostKind.ANSWER, "c1", List.of("alice"), "bob", T1));
        }

        @Test
        void aPostWithoutMentionsHasNoMentionEvent() {
            fixture.given(asked())
                    .when(new PostAnswer("q1", "a1", "Mail me at bob@example.com", "bob", T1))
                    .expectEvents(new AnswerPosted("q1", "a1", "c1", "Mail me at bob@example.com", "bob", T1));
        }
    }

    @Nested
    class RollingBack {

        @Test
        void aRollbackRestoresAnEarlierRevisionAsANewOne() {
            fixture.given(asked(), edited(2, TITLE2, List.of("title"), "alice"))
                    .when(new RollbackPost("q1", "q1", 1, "alice", T1))
                    .expectEvents(new QuestionEdited("q1", "c1", "alice", 3, TITLE, BODY, List.of("axon"), List.of("title"),
                            "Rolled back to revision 1", 1, List.of(), "alice", T1));
        }

        @Test
        void anAnswerIsRolledBack() {
            fixture.given(asked(), answered("a1", "bob"),
                            new AnswerEdited("q1", "a1", "c1", "bob", 2, "Wrong", null, null, List.of(), "bob", T0))
                    .when(new RollbackPost("q1", "a1", 1, "editor", T1))
                    .expectEvents(new AnswerEdited("q1", "a1", "c1", "bob", 3, "Reset its tokens.", "Rolled back to revision 1",
                            1, List.of(), "editor", T1));
        }

        @Test
        void rollingBackToTheCurrentRevisionChangesNothing() {
            rejected(fixture.given(asked()).when(new RollbackPost("q1", "q1", 1, "alice", T1)), "NOTHING_CHANGED");
        }

        @Test
        void anUnknownRevisionIsRefused() {
            rejected(fixture.given(asked()).when(new RollbackPost("q1", "q1", 5, "alice", T1)), "UNKNOWN_REVISION");
        }

        @Test
        void anUnknownPostIsRefused() {
            rejected(fixture.given(asked()).when(new RollbackPost("q1", "a9", 1, "alice", T1)), "UNKNOWN_POST");
        }

        @Test
        void aNonAuthorWithoutThePrivilegeCannotRollBack() {
            rejected(fixture.given(asked(), edited(2, TITLE2, List.of("title"), "alice"))
                    .when(new RollbackPost("q1", "q1", 1, "bob", T1)), "MISSING_PRIVILEGE");
        }
    }

    @Nested
    class Commenting {

        @Test
        void aMemberWithThePrivilegeCommentsAndMentions() {
            fixture.given(asked())
                    .when(new AddComment("q1", "k1", "q1", "Which version, @alice? @nobody", "bob", T1))
                    .expectEvents(new CommentAdded("q1", "k1", "q1", PostKind.QUESTION, "c1", "alice",
                            "Which version, @alice? @nobody", List.of("alice"), "bob", T1));
        }

        @Test
        void aNewMemberCommentsOnTheirOwnPost() {
            fixture.given(asked(), answered("a1", "newbie"))
                    .when(new AddComment("q1", "k1", "a1", "Edited, thanks.", "newbie", T1))
                    .expectEvents(new CommentAdded("q1", "k1", "a1", PostKind.ANSWER, "c1", "newbie", "Edited, thanks.",
                            List.of(), "newbie", T1));
        }

        @Test
        void theAskerCommentsOnAnswersToTheirQuestion() {
            fixture.given(new QuestionAsked("q1", "c1", TITLE, BODY, List.of("axon"), "newbie", T0), answered("a1", "bob"))
                    .when(new AddComment("q1", "k1", "a1", "Thanks!", "newbie", T1))
                    .expectEvents(new CommentAdded("q1", "k1", "a1", PostKind.ANSWER, "c1", "bob", "Thanks!", List.of(), "newbie", T1));
        }

        @Test
        void aNewMemberCannotCommentElsewhere() {
            rejected(fixture.given(asked()).when(new AddComment("q1", "k1", "q1", "Hi", "newbie", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void aTooLongCommentIsRefused() {
            rejected(fixture.given(asked()).when(new AddComment("q1", "k1", "q1", "x".repeat(601), "bob", T1)), "COMMENT_TOO_LONG");
        }

        @Test
        void anEmptyCommentIsRefused() {
            rejected(fixture.given(asked()).when(new AddComment("q1", "k1", "q1", " ", "bob", T1)), "COMMENT_EMPTY");
        }

        @Test
        void aCommentIdIsUsedOnce() {
            rejected(fixture.given(asked(), comment("k1", "bob")).when(new AddComment("q1", "k1", "q1", "Again", "bob", T1)),
                    "DUPLICATE_ID");
        }

        @Test
        void aCommentOnAnUnknownPostIsRefused() {
            rejected(fixture.given(asked()).when(new AddComment("q1", "k1", "a9", "Hi", "bob", T1)), "UNKNOWN_POST");
        }

        @Test
        void aLockedQuestionTakesNoComments() {
            rejected(fixture.given(asked(), locked()).when(new AddComment("q1", "k1", "q1", "Hi", "bob", T1)), "QUESTION_LOCKED");
        }

        @Test
        void aNonMemberCannotComment() {
            rejected(fixture.given(asked()).when(new AddComment("q1", "k1", "q1", "Hi", "eve", T1)), "NOT_A_MEMBER");
        }

        @Test
        void theAuthorEditsTheirComment() {
            fixture.given(asked(), comment("k1", "bob"))
                    .when(new EditComment("q1", "k1", "Which Axon version?", "bob", T1))
                    .expectEvents(new CommentEdited("q1", "k1", "q1", "c1", "Which Axon version?", List.of(), "bob", T1));
        }

        @Test
        void onlyTheAuthorEditsAComment() {
            rejected(fixture.given(asked(), comment("k1", "bob")).when(new EditComment("q1", "k1", "Changed", "mod", T1)),
                    "NOT_THE_AUTHOR");
        }

        @Test
        void anUnchangedCommentEditIsRefused() {
            rejected(fixture.given(asked(), comment("k1", "bob")).when(new EditComment("q1", "k1", "Which version?", "bob", T1)),
                    "NOTHING_CHANGED");
        }

        @Test
        void anUnknownCommentIsNotEdited() {
            rejected(fixture.given(asked()).when(new EditComment("q1", "k9", "Text", "bob", T1)), "UNKNOWN_COMMENT");
        }

        @Test
        void theAuthorDeletesTheirComment() {
            fixture.given(asked(), comment("k1", "bob"))
                    .when(new DeleteComment("q1", "k1", "bob", T1))
                    .expectEvents(new CommentDeleted("q1", "k1", "q1", "c1", "bob", "bob", T1));
        }

        @Test
        void aModeratorDeletesAComment() {
            fixture.given(asked(), comment("k1", "bob"), locked())
                    .when(new DeleteComment("q1", "k1", "mod", T1))
                    .expectEvents(new CommentDeleted("q1", "k1", "q1", "c1", "bob", "mod", T1));
        }

        @Test
        void anotherMemberCannotDeleteAComment() {
            rejected(fixture.given(asked(), comment("k1", "bob")).when(new DeleteComment("q1", "k1", "chen", T1)), "NOT_THE_AUTHOR");
        }

        @Test
        void aDeletedCommentIsGone() {
            rejected(fixture.given(asked(), comment("k1", "bob"), new CommentDeleted("q1", "k1", "q1", "c1", "bob", "bob", T0))
                    .when(new DeleteComment("q1", "k1", "bob", T1)), "UNKNOWN_COMMENT");
        }
    }

    @Nested
    class DeletingAndLocking {

        @Test
        void theAuthorDeletesTheirQuestion() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new DeletePost("q1", "q1", "asked by mistake", "alice", T1))
                    .expectEvents(new PostDeleted("q1", "q1", PostKind.QUESTION, "c1", "alice", "asked by mistake", "alice", T1));
        }

        @Test
        void theAuthorCannotDeleteAQuestionWithAnUpvotedAnswer() {
            rejected(fixture.given(asked(), answered("a1", "bob"), vote("a1", "bob", "chen"))
                    .when(new DeletePost("q1", "q1", null, "alice", T1)), "QUESTION_HAS_VALUED_ANSWERS");
        }

        @Test
        void theAuthorCannotDeleteAQuestionWithAnAcceptedAnswer() {
            rejected(fixture.given(asked(), answered("a1", "bob"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new DeletePost("q1", "q1", null, "alice", T1)), "QUESTION_HAS_VALUED_ANSWERS");
        }

        @Test
        void aModeratorDeletesAQuestionWithAnUpvotedAnswer() {
            fixture.given(asked(), answered("a1", "bob"), vote("a1", "bob", "chen"))
                    .when(new DeletePost("q1", "q1", "spam", "mod", T1))
                    .expectEvents(new PostDeleted("q1", "q1", PostKind.QUESTION, "c1", "alice", "spam", "mod", T1));
        }

        @Test
        void theAuthorDeletesTheirAnswer() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new DeletePost("q1", "a1", null, "bob", T1))
                    .expectEvents(new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", T1));
        }

        @Test
        void anotherMemberCannotDeleteAPost() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new DeletePost("q1", "a1", null, "chen", T1)), "NOT_THE_AUTHOR");
        }

        @Test
        void aDeletedPostIsNotDeletedAgain() {
            rejected(fixture.given(asked(), questionDeleted()).when(new DeletePost("q1", "q1", null, "mod", T1)), "ALREADY_DELETED");
        }

        @Test
        void aDeletedQuestionTakesNoAnswers() {
            rejected(fixture.given(asked(), questionDeleted()).when(new PostAnswer("q1", "a1", "Text", "bob", T1)), "POST_DELETED");
        }

        @Test
        void aDeletedQuestionTakesNoVotes() {
            rejected(fixture.given(asked(), questionDeleted()).when(new CastVote("q1", "q1", UP, "bob", T1)), "POST_DELETED");
        }

        @Test
        void aDeletedAnswerTakesNoVotes() {
            rejected(fixture.given(asked(), answered("a1", "bob"), new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", T0))
                    .when(new CastVote("q1", "a1", UP, "chen", T1)), "POST_DELETED");
        }

        @Test
        void theAuthorWhoDeletedUndeletes() {
            fixture.given(asked(), answered("a1", "bob"), new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", T0))
                    .when(new UndeletePost("q1", "a1", null, "bob", T1))
                    .expectEvents(new PostUndeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", T1));
        }

        @Test
        void theAuthorCannotUndeleteWhatAModeratorDeleted() {
            rejected(fixture.given(asked(), questionDeleted()).when(new UndeletePost("q1", "q1", null, "alice", T1)), "NOT_ALLOWED");
        }

        @Test
        void aModeratorUndeletes() {
            fixture.given(asked(), questionDeleted())
                    .when(new UndeletePost("q1", "q1", "appeal", "mod", T1))
                    .expectEvents(new PostUndeleted("q1", "q1", PostKind.QUESTION, "c1", "alice", "appeal", "mod", T1));
        }

        @Test
        void aPostThatIsNotDeletedIsNotUndeleted() {
            rejected(fixture.given(asked()).when(new UndeletePost("q1", "q1", null, "mod", T1)), "NOT_DELETED");
        }

        @Test
        void aModeratorLocksAndUnlocks() {
            fixture.given(asked()).when(new LockQuestion("q1", "heated", "mod", T1))
                    .expectEvents(new QuestionLocked("q1", "c1", "heated", "mod", T1));
            fixture.given(asked(), locked()).when(new UnlockQuestion("q1", null, "mod", T1))
                    .expectEvents(new QuestionUnlocked("q1", "c1", null, "mod", T1));
        }

        @Test
        void aMemberCannotLock() {
            rejected(fixture.given(asked()).when(new LockQuestion("q1", null, "closer", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void aMemberCannotUnlock() {
            rejected(fixture.given(asked(), locked()).when(new UnlockQuestion("q1", null, "alice", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void aLockedQuestionIsNotLockedAgain() {
            rejected(fixture.given(asked(), locked()).when(new LockQuestion("q1", null, "mod", T1)), "ALREADY_LOCKED");
        }

        @Test
        void anUnlockedQuestionIsNotUnlocked() {
            rejected(fixture.given(asked()).when(new UnlockQuestion("q1", null, "mod", T1)), "NOT_LOCKED");
        }

        @Test
        void aDeletedQuestionIsNotLocked() {
            rejected(fixture.given(asked(), questionDeleted()).when(new LockQuestion("q1", null, "mod", T1)), "POST_DELETED");
        }

        @Test
        void aLockedQuestionTakesNoAnswersOrVotes() {
            rejected(fixture.given(asked(), locked()).when(new PostAnswer("q1", "a1", "Text", "bob", T1)), "QUESTION_LOCKED");
            rejected(fixture.given(asked(), locked()).when(new CastVote("q1", "q1", UP, "bob", T1)), "QUESTION_LOCKED");
        }
    }

    @Nested
    class Closing {

        @Test
        void aMemberWithThePrivilegeClosesAsOffTopic() {
            fixture.given(asked())
                    .when(new CloseQuestion("q1", CloseReason.OFF_TOPIC, "ignored", "closer", T1))
                    .expectEvents(new QuestionClosed("q1", "c1", CloseReason.OFF_TOPIC, null, "closer", T1));
        }

        @Test
        void aModeratorClosesAsADuplicate() {
            fixture.given(asked())
                    .when(new CloseQuestion("q1", CloseReason.DUPLICATE, "q2", "mod", T1))
                    .expectEvents(new QuestionClosed("q1", "c1", CloseReason.DUPLICATE, "q2", "mod", T1));
        }

        @Test
        void aDuplicateOfAQuestionInAnotherCommunityIsRefused() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", CloseReason.DUPLICATE, "q3", "mod", T1)), "UNKNOWN_DUPLICATE");
        }

        @Test
        void aDuplicateOfAnUnknownQuestionIsRefused() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", CloseReason.DUPLICATE, "q9", "mod", T1)), "UNKNOWN_DUPLICATE");
        }

        @Test
        void aDuplicateNeedsTheOriginal() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", CloseReason.DUPLICATE, null, "mod", T1)),
                    "MISSING_DUPLICATE_OF_QUESTION_ID");
        }

        @Test
        void aQuestionDoesNotDuplicateItself() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", CloseReason.DUPLICATE, "q1", "mod", T1)), "DUPLICATE_OF_ITSELF");
        }

        @Test
        void closingNeedsAReason() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", null, null, "mod", T1)), "MISSING_REASON");
        }

        @Test
        void closingNeedsThePrivilege() {
            rejected(fixture.given(asked()).when(new CloseQuestion("q1", CloseReason.NEEDS_FOCUS, null, "bob", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void aClosedQuestionIsNotClosedAgain() {
            rejected(fixture.given(asked(), closed()).when(new CloseQuestion("q1", CloseReason.NEEDS_DETAILS, null, "mod", T1)),
                    "ALREADY_CLOSED");
        }

        @Test
        void aClosedQuestionTakesNoAnswers() {
            rejected(fixture.given(asked(), closed()).when(new PostAnswer("q1", "a1", "Text", "bob", T1)), "QUESTION_CLOSED");
        }

        @Test
        void aClosedQuestionStillTakesComments() {
            fixture.given(asked(), closed()).when(new AddComment("q1", "k1", "q1", "Please add details.", "bob", T1))
                    .expectEvents(new CommentAdded("q1", "k1", "q1", PostKind.QUESTION, "c1", "alice", "Please add details.",
                            List.of(), "bob", T1));
        }

        @Test
        void aClosedQuestionIsReopened() {
            fixture.given(asked(), closed()).when(new ReopenQuestion("q1", "closer", T1))
                    .expectEvents(new QuestionReopened("q1", "c1", "closer", T1));
        }

        @Test
        void reopeningNeedsThePrivilege() {
            rejected(fixture.given(asked(), closed()).when(new ReopenQuestion("q1", "alice", T1)), "MISSING_PRIVILEGE");
        }

        @Test
        void anOpenQuestionIsNotReopened() {
            rejected(fixture.given(asked()).when(new ReopenQuestion("q1", "mod", T1)), "NOT_CLOSED");
        }
    }

    @Nested
    class Votes {

        @Test
        void aVoteIsTurnedAround() {
            fixture.given(asked(), vote("q1", "alice", "bob"))
                    .when(new CastVote("q1", "q1", DOWN, "bob", T1))
                    .expectEvents(new VoteChanged("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, DOWN, "bob", T1));
        }

        @Test
        void aChangedVoteCanBeTurnedBack() {
            fixture.given(asked(), vote("q1", "alice", "bob"),
                            new VoteChanged("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, DOWN, "bob", T0))
                    .when(new CastVote("q1", "q1", UP, "bob", T1))
                    .expectEvents(new VoteChanged("q1", "q1", PostKind.QUESTION, "c1", "alice", DOWN, UP, "bob", T1));
        }

        @Test
        void turningAVoteDownNeedsTheDownvotePrivilege() {
            rejected(fixture.given(asked(), vote("q1", "alice", "dan")).when(new CastVote("q1", "q1", DOWN, "dan", T1)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void aVoteIsRetracted() {
            fixture.given(asked(), answered("a1", "chen"), vote("a1", "chen", "bob"))
                    .when(new RetractVote("q1", "a1", "bob", T1))
                    .expectEvents(new VoteRetracted("q1", "a1", PostKind.ANSWER, "c1", "chen", UP, "bob", T1));
        }

        @Test
        void aRetractedVoteCanBeCastAgain() {
            fixture.given(asked(), vote("q1", "alice", "bob"),
                            new VoteRetracted("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "bob", T0))
                    .when(new CastVote("q1", "q1", UP, "bob", T1))
                    .expectEvents(new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "alice", UP, "bob", T1));
        }

        @Test
        void nothingToRetract() {
            rejected(fixture.given(asked()).when(new RetractVote("q1", "q1", "bob", T1)), "NOT_VOTED");
        }

        @Test
        void retractingOnAnUnknownPostIsRefused() {
            rejected(fixture.given(asked()).when(new RetractVote("q1", "a9", "bob", T1)), "UNKNOWN_POST");
        }

        @Test
        void aLockedQuestionKeepsItsVotes() {
            rejected(fixture.given(asked(), vote("q1", "alice", "bob"), locked()).when(new RetractVote("q1", "q1", "bob", T1)),
                    "QUESTION_LOCKED");
        }
    }

    @Nested
    class Withdrawals {

        @Test
        void theAskerWithdrawsTheAcceptance() {
            fixture.given(asked(), answered("a1", "bob"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new WithdrawAcceptance("q1", "alice", T1))
                    .expectEvents(new AnswerAcceptanceWithdrawn("q1", "a1", "c1", "bob", "alice", T1));
        }

        @Test
        void onlyTheAskerWithdrawsTheAcceptance() {
            rejected(fixture.given(asked(), answered("a1", "bob"), new AnswerAccepted("q1", "a1", "c1", "bob", "alice", T0))
                    .when(new WithdrawAcceptance("q1", "bob", T1)), "NOT_THE_ASKER");
        }

        @Test
        void noAcceptanceToWithdraw() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new WithdrawAcceptance("q1", "alice", T1)), "NO_ACCEPTED_ANSWER");
        }

        @Test
        void aModeratorEndorsesWithoutExpertise() {
            fixture.given(asked(), answered("a1", "bob"))
                    .when(new EndorseAnswer("q1", "a1", null, "mod", T1))
                    .expectEvents(new AnswerEndorsed("q1", "a1", "c1", "bob", null, "mod", T1));
        }

        @Test
        void aMemberWithoutExpertiseCannotEndorse() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new EndorseAnswer("q1", "a1", null, "editor", T1)),
                    "NOT_AN_EXPERT");
        }

        @Test
        void anEndorsementIsWithdrawn() {
            fixture.given(asked(), answered("a1", "bob"), new AnswerEndorsed("q1", "a1", "c1", "bob", null, "chen", T0))
                    .when(new WithdrawAnswerEndorsement("q1", "a1", "chen", T1))
                    .expectEvents(new AnswerEndorsementWithdrawn("q1", "a1", "c1", "bob", "chen", T1));
        }

        @Test
        void noEndorsementToWithdraw() {
            rejected(fixture.given(asked(), answered("a1", "bob")).when(new WithdrawAnswerEndorsement("q1", "a1", "chen", T1)),
                    "NOT_ENDORSED");
        }

        @Test
        void aWithdrawnEndorsementCanBeGivenAgain() {
            fixture.given(asked(), answered("a1", "bob"), new AnswerEndorsed("q1", "a1", "c1", "bob", null, "chen", T0),
                            new AnswerEndorsementWithdrawn("q1", "a1", "c1", "bob", "chen", T0))
                    .when(new EndorseAnswer("q1", "a1", null, "chen", T1))
                    .expectEvents(new AnswerEndorsed("q1", "a1", "c1", "bob", null, "chen", T1));
        }
    }
}
