package dev.praxis.command.question;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.question.AcceptAnswer;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.RecordAnonymousVote;
import dev.praxis.command.importer.ImportMarks;
import org.axonframework.commandhandling.CommandMessage;
import dev.praxis.api.question.AddComment;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
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
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.MembersMentioned;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostUndeleted;
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
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.question.WithdrawAcceptance;
import dev.praxis.api.question.WithdrawAnswerEndorsement;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.EndorseAnswer;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.Limits;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.shared.InputRules;
import dev.praxis.command.tag.TagDirectory;
import dev.praxis.command.tag.TagUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A question with its answers, comments, votes, accepted answer and endorsements, its revisions and
 * its moderation state (closed, locked, deleted): one consistency boundary, so that "one vote per
 * member per post" and "only the asker accepts" hold without coordination.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Question {

    static final int ENDORSEMENT_NOTE_MAX = 500;
    static final int EDIT_COMMENT_MAX = 300;
    static final int COMMENT_MAX = 600;
    static final int REASON_MAX = 500;

    @AggregateIdentifier
    private String questionId;
    private String communityId;
    private String authorId;
    /** the question's revisions, revision n at index n - 1 */
    private List<QuestionRevision> revisions = new ArrayList<>();
    /** answer id to its author */
    private Map<String, String> answerAuthors = new HashMap<>();
    /** answer id to its bodies, revision n at index n - 1 */
    private Map<String, List<String>> answerRevisions = new HashMap<>();
    /** post id (question or answer) to its voters and their votes */
    private Map<String, Map<String, VoteDirection>> votes = new HashMap<>();
    /** answer id to the members who endorsed it */
    private Map<String, Set<String>> endorsers = new HashMap<>();
    private String acceptedAnswerId;
    private Map<String, CommentState> comments = new HashMap<>();
    /** deleted post id (question or answer) to the member who deleted it */
    private Map<String, String> deletedBy = new HashMap<>();
    private boolean locked;
    private boolean closed;

    record QuestionRevision(String title, String body, List<String> tags) {
    }

    record CommentState(String postId, String authorId, String body) {
    }

    protected Question() {
        // for Axon
    }

    @CommandHandler
    public Question(AskQuestion command, CommunityDirectory directory, Privileges privileges, TagDirectory tagDirectory) {
        InputRules.requireId(command.questionId(), "questionId");
        InputRules.requireId(command.communityId(), "communityId");
        String title = InputRules.requireText(command.title(), "title", Limits.TITLE_MIN, Limits.TITLE_MAX);
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        List<String> tags = InputRules.normaliseTags(command.tags());
        if (!directory.exists(command.communityId())) {
            throw notFound("UNKNOWN_COMMUNITY", "There is no community with id " + command.communityId() + ".");
        }
        directory.requireActiveMember(command.communityId(), command.actorId(), command.occurredAt());
        tags = TagUsage.resolve(tags, command.communityId(), command.actorId(), tagDirectory, privileges);
        apply(new QuestionAsked(command.questionId(), command.communityId(), title, body, tags,
                command.actorId(), command.occurredAt()));
        applyMentions(command.questionId(), command.communityId(), command.questionId(), PostKind.QUESTION, body, directory,
                command.actorId(), command.occurredAt());
    }

    @CommandHandler
    public void handle(PostAnswer command, CommunityDirectory directory) {
        InputRules.requireId(command.answerId(), "answerId");
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        if (isPost(command.answerId()) || comments.containsKey(command.answerId())) {
            throw conflict("DUPLICATE_ID", "A post with id " + command.answerId() + " already exists.");
        }
        requireOpenThread();
        if (closed) {
            throw conflict("QUESTION_CLOSED", "This question is closed: it takes no new answers.");
        }
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        apply(new AnswerPosted(questionId, command.answerId(), communityId, body, command.actorId(), command.occurredAt()));
        applyMentions(questionId, communityId, command.answerId(), PostKind.ANSWER, body, directory, command.actorId(),
                command.occurredAt());
    }

    /**
     * Names the members a new post mentions, in an event of its own (the posting events keep their
     * shape). Static, with the ids passed in: in the constructor the state is not applied yet.
     */
    private static void applyMentions(String questionId, String communityId, String postId, PostKind kind, String body,
            CommunityDirectory directory, String actorId, java.time.Instant occurredAt) {
        List<String> mentioned = Mentions.in(body, communityId, directory);
        if (!mentioned.isEmpty()) {
            apply(new MembersMentioned(questionId, postId, kind, communityId, mentioned, actorId, occurredAt));
        }
    }

    // ---- edits and revisions

    @CommandHandler
    public void handle(EditQuestion command, CommunityDirectory directory, Privileges privileges) {
        String title = InputRules.requireText(command.title(), "title", Limits.TITLE_MIN, Limits.TITLE_MAX);
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        List<String> tags = InputRules.normaliseTags(command.tags());
        String comment = InputRules.optionalText(command.comment(), "comment", EDIT_COMMENT_MAX);
        requireOpenThread();
        requireMayEdit(authorId, command.actorId(), command.occurredAt(), directory, privileges);
        applyQuestionRevision(new QuestionRevision(title, body, tags), comment, null, directory,
                command.actorId(), command.occurredAt());
    }

    @CommandHandler
    public void handle(EditAnswer command, CommunityDirectory directory, Privileges privileges) {
        String answerAuthor = requireAnswer(command.answerId());
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        String comment = InputRules.optionalText(command.comment(), "comment", EDIT_COMMENT_MAX);
        requireOpenThread();
        requireNotDeleted(command.answerId());
        requireMayEdit(answerAuthor, command.actorId(), command.occurredAt(), directory, privileges);
        applyAnswerRevision(command.answerId(), body, comment, null, directory, command.actorId(), command.occurredAt());
    }

    @CommandHandler
    public void handle(RollbackPost command, CommunityDirectory directory, Privileges privileges) {
        String postAuthor = requirePost(command.postId());
        requireOpenThread();
        requireNotDeleted(command.postId());
        requireMayEdit(postAuthor, command.actorId(), command.occurredAt(), directory, privileges);
        int count = questionId.equals(command.postId()) ? revisions.size() : answerRevisions.get(command.postId()).size();
        if (command.revision() < 1 || command.revision() > count) {
            throw notFound("UNKNOWN_REVISION", "The post has no revision " + command.revision() + " (it has 1 to " + count + ").");
        }
        String comment = "Rolled back to revision " + command.revision();
        if (questionId.equals(command.postId())) {
            applyQuestionRevision(revisions.get(command.revision() - 1), comment, command.revision(), directory,
                    command.actorId(), command.occurredAt());
        } else {
            applyAnswerRevision(command.postId(), answerRevisions.get(command.postId()).get(command.revision() - 1),
                    comment, command.revision(), directory, command.actorId(), command.occurredAt());
        }
    }

    private void applyQuestionRevision(QuestionRevision next, String comment, Integer rolledBackTo,
            CommunityDirectory directory, String actorId, java.time.Instant occurredAt) {
        QuestionRevision current = revisions.get(revisions.size() - 1);
        List<String> changed = new ArrayList<>();
        if (!current.title().equals(next.title())) {
            changed.add("title");
        }
        if (!current.body().equals(next.body())) {
            changed.add("body");
        }
        if (!current.tags().equals(next.tags())) {
            changed.add("tags");
        }
        if (changed.isEmpty()) {
            throw invalid("NOTHING_CHANGED", "The edit changes nothing.");
        }
        apply(new QuestionEdited(questionId, communityId, authorId, revisions.size() + 1, next.title(), next.body(),
                next.tags(), changed, comment, rolledBackTo, Mentions.in(next.body(), communityId, directory),
                actorId, occurredAt));
    }

    private void applyAnswerRevision(String answerId, String body, String comment, Integer rolledBackTo,
            CommunityDirectory directory, String actorId, java.time.Instant occurredAt) {
        List<String> bodies = answerRevisions.get(answerId);
        if (bodies.get(bodies.size() - 1).equals(body)) {
            throw invalid("NOTHING_CHANGED", "The edit changes nothing.");
        }
        apply(new AnswerEdited(questionId, answerId, communityId, answerAuthors.get(answerId), bodies.size() + 1, body,
                comment, rolledBackTo, Mentions.in(body, communityId, directory), actorId, occurredAt));
    }

    private void requireMayEdit(String postAuthor, String actorId, java.time.Instant at, CommunityDirectory directory,
                                Privileges privileges) {
        directory.requireActiveMember(communityId, actorId, at);
        if (!postAuthor.equals(actorId)) {
            privileges.require(communityId, actorId, Privilege.EDIT_OTHERS_POSTS);
        }
    }

    // ---- comments

    @CommandHandler
    public void handle(AddComment command, CommunityDirectory directory, Privileges privileges) {
        InputRules.requireId(command.commentId(), "commentId");
        String postAuthor = requirePost(command.postId());
        String body = InputRules.requireText(command.body(), "comment", 1, COMMENT_MAX);
        if (isPost(command.commentId()) || comments.containsKey(command.commentId())) {
            throw conflict("DUPLICATE_ID", "A post or comment with id " + command.commentId() + " already exists.");
        }
        requireOpenThread();
        requireNotDeleted(command.postId());
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        boolean onOwnPost = postAuthor.equals(command.actorId());
        boolean onAnswerToOwnQuestion = !questionId.equals(command.postId()) && authorId.equals(command.actorId());
        if (!onOwnPost && !onAnswerToOwnQuestion) {
            privileges.require(communityId, command.actorId(), Privilege.COMMENT);
        }
        apply(new CommentAdded(questionId, command.commentId(), command.postId(), kindOf(command.postId()), communityId,
                postAuthor, body, Mentions.in(body, communityId, directory), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(EditComment command, CommunityDirectory directory) {
        CommentState comment = requireComment(command.commentId());
        String body = InputRules.requireText(command.body(), "comment", 1, COMMENT_MAX);
        requireOpenThread();
        if (!comment.authorId().equals(command.actorId())) {
            throw forbidden("NOT_THE_AUTHOR", "Only the comment's author can edit it.");
        }
        if (comment.body().equals(body)) {
            throw invalid("NOTHING_CHANGED", "The edit changes nothing.");
        }
        apply(new CommentEdited(questionId, command.commentId(), comment.postId(), communityId, body,
                Mentions.in(body, communityId, directory), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(DeleteComment command, Privileges privileges) {
        CommentState comment = requireComment(command.commentId());
        boolean moderator = isModerator(command.actorId(), privileges);
        if (!moderator) {
            requireOpenThread();
            if (!comment.authorId().equals(command.actorId())) {
                throw forbidden("NOT_THE_AUTHOR", "Only the comment's author or a moderator can delete it.");
            }
        }
        apply(new CommentDeleted(questionId, command.commentId(), comment.postId(), communityId, comment.authorId(),
                command.actorId(), command.occurredAt()));
    }

    // ---- delete, undelete, lock, unlock

    @CommandHandler
    public void handle(DeletePost command, Privileges privileges) {
        String postAuthor = requirePost(command.postId());
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        if (deletedBy.containsKey(command.postId())) {
            throw conflict("ALREADY_DELETED", "This post is already deleted.");
        }
        boolean onQuestion = questionId.equals(command.postId());
        if (!onQuestion) {
            requireNotDeleted(questionId);
        }
        if (!isModerator(command.actorId(), privileges)) {
            if (!postAuthor.equals(command.actorId())) {
                throw forbidden("NOT_THE_AUTHOR", "Only the post's author or a moderator can delete it.");
            }
            if (locked) {
                throw conflict("QUESTION_LOCKED", "This question is locked.");
            }
            if (onQuestion && (acceptedAnswerId != null || answerAuthors.keySet().stream()
                    .anyMatch(answerId -> !deletedBy.containsKey(answerId) && scoreOf(answerId) > 0))) {
                throw forbidden("QUESTION_HAS_VALUED_ANSWERS",
                        "A question with an accepted answer or an upvoted answer can only be deleted by a moderator.");
            }
        }
        apply(new PostDeleted(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor, reason,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(UndeletePost command, Privileges privileges) {
        String postAuthor = requirePost(command.postId());
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        String deleter = deletedBy.get(command.postId());
        if (deleter == null) {
            throw conflict("NOT_DELETED", "This post is not deleted.");
        }
        if (!isModerator(command.actorId(), privileges)
                && !(postAuthor.equals(command.actorId()) && deleter.equals(command.actorId()))) {
            throw forbidden("NOT_ALLOWED", "Only a moderator, or the author who deleted it, can undelete a post.");
        }
        apply(new PostUndeleted(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor, reason,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(LockQuestion command, Privileges privileges) {
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        privileges.require(communityId, command.actorId(), Privilege.MODERATION_TOOLS);
        requireNotDeleted(questionId);
        if (locked) {
            throw conflict("ALREADY_LOCKED", "This question is already locked.");
        }
        apply(new QuestionLocked(questionId, communityId, reason, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(UnlockQuestion command, Privileges privileges) {
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        privileges.require(communityId, command.actorId(), Privilege.MODERATION_TOOLS);
        if (!locked) {
            throw conflict("NOT_LOCKED", "This question is not locked.");
        }
        apply(new QuestionUnlocked(questionId, communityId, reason, command.actorId(), command.occurredAt()));
    }

    // ---- close and reopen

    @CommandHandler
    public void handle(CloseQuestion command, CommunityDirectory directory, Privileges privileges,
            QuestionDirectory questions) {
        if (command.reason() == null) {
            throw invalid("MISSING_REASON", "Closing needs a reason: " + java.util.Arrays.toString(CloseReason.values()) + ".");
        }
        String duplicateOf = null;
        if (command.reason() == CloseReason.DUPLICATE) {
            InputRules.requireId(command.duplicateOfQuestionId(), "duplicateOfQuestionId");
            duplicateOf = command.duplicateOfQuestionId();
            if (duplicateOf.equals(questionId)) {
                throw invalid("DUPLICATE_OF_ITSELF", "A question cannot duplicate itself.");
            }
            if (!questions.communityOf(duplicateOf).map(communityId::equals).orElse(false)) {
                throw notFound("UNKNOWN_DUPLICATE", "There is no question with id " + duplicateOf + " in this community.");
            }
        }
        requireOpenThread();
        if (closed) {
            throw conflict("ALREADY_CLOSED", "This question is already closed.");
        }
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        privileges.require(communityId, command.actorId(), Privilege.CLOSE_AND_REOPEN);
        apply(new QuestionClosed(questionId, communityId, command.reason(), duplicateOf, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReopenQuestion command, CommunityDirectory directory, Privileges privileges) {
        requireOpenThread();
        if (!closed) {
            throw conflict("NOT_CLOSED", "This question is not closed.");
        }
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        privileges.require(communityId, command.actorId(), Privilege.CLOSE_AND_REOPEN);
        apply(new QuestionReopened(questionId, communityId, command.actorId(), command.occurredAt()));
    }

    // ---- votes

    @CommandHandler
    public void handle(CastVote command, CommunityDirectory directory, Privileges privileges) {
        InputRules.requireId(command.postId(), "postId");
        if (command.direction() == null) {
            throw invalid("MISSING_DIRECTION", "A vote needs a direction, UP or DOWN.");
        }
        String postAuthor = requirePost(command.postId());
        if (postAuthor.equals(command.actorId())) {
            throw forbidden("OWN_POST", "You cannot vote on your own post.");
        }
        requireOpenThread();
        requireNotDeleted(command.postId());
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        privileges.require(communityId, command.actorId(),
                command.direction() == VoteDirection.UP ? Privilege.UPVOTE : Privilege.DOWNVOTE);
        VoteDirection previous = votes.getOrDefault(command.postId(), Map.of()).get(command.actorId());
        if (previous == command.direction()) {
            throw conflict("ALREADY_VOTED", "You have already voted " + previous + " on this post.");
        }
        if (previous != null) {
            apply(new VoteChanged(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor,
                    previous, command.direction(), command.actorId(), command.occurredAt()));
        } else {
            apply(new VoteCast(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor,
                    command.direction(), command.actorId(), command.occurredAt()));
        }
    }

    /**
     * A historical vote without a voter, from an imported dump: it counts for the post's score and
     * its author's reputation. Only an imported command may record one (FORBIDDEN {@code IMPORT_ONLY}).
     */
    @CommandHandler
    public void handle(RecordAnonymousVote command, CommandMessage<?> message) {
        if (!ImportMarks.isImported(message)) {
            throw forbidden("IMPORT_ONLY", "Anonymous historical votes are recorded by an import only.");
        }
        InputRules.requireId(command.postId(), "postId");
        if (command.direction() == null) {
            throw invalid("MISSING_DIRECTION", "A vote needs a direction, UP or DOWN.");
        }
        String postAuthor = requirePost(command.postId());
        requireOpenThread();
        requireNotDeleted(command.postId());
        apply(new AnonymousVoteRecorded(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor,
                command.direction(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RetractVote command) {
        String postAuthor = requirePost(command.postId());
        VoteDirection previous = votes.getOrDefault(command.postId(), Map.of()).get(command.actorId());
        if (previous == null) {
            throw conflict("NOT_VOTED", "You have not voted on this post.");
        }
        requireOpenThread();
        requireNotDeleted(command.postId());
        apply(new VoteRetracted(questionId, command.postId(), kindOf(command.postId()), communityId, postAuthor,
                previous, command.actorId(), command.occurredAt()));
    }

    // ---- acceptance and endorsements

    @CommandHandler
    public void handle(AcceptAnswer command) {
        String answerAuthor = requireAnswer(command.answerId());
        if (!authorId.equals(command.actorId())) {
            throw forbidden("NOT_THE_ASKER", "Only the member who asked the question can accept an answer.");
        }
        if (command.answerId().equals(acceptedAnswerId)) {
            throw conflict("ALREADY_ACCEPTED", "This answer is already the accepted one.");
        }
        requireNotDeleted(questionId);
        requireNotDeleted(command.answerId());
        if (acceptedAnswerId != null) {
            apply(new AnswerAcceptanceWithdrawn(questionId, acceptedAnswerId, communityId,
                    answerAuthors.get(acceptedAnswerId), command.actorId(), command.occurredAt()));
        }
        apply(new AnswerAccepted(questionId, command.answerId(), communityId, answerAuthor,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(WithdrawAcceptance command) {
        if (!authorId.equals(command.actorId())) {
            throw forbidden("NOT_THE_ASKER", "Only the member who asked the question can withdraw the acceptance.");
        }
        if (acceptedAnswerId == null) {
            throw conflict("NO_ACCEPTED_ANSWER", "This question has no accepted answer.");
        }
        apply(new AnswerAcceptanceWithdrawn(questionId, acceptedAnswerId, communityId,
                answerAuthors.get(acceptedAnswerId), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(EndorseAnswer command, CommunityDirectory directory, Expertise expertise) {
        String answerAuthor = requireAnswer(command.answerId());
        String note = InputRules.optionalText(command.note(), "note", ENDORSEMENT_NOTE_MAX);
        if (answerAuthor.equals(command.actorId())) {
            throw forbidden("OWN_ANSWER", "You cannot endorse your own answer.");
        }
        requireNotDeleted(questionId);
        requireNotDeleted(command.answerId());
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        if (endorsers.getOrDefault(command.answerId(), Set.of()).contains(command.actorId())) {
            throw conflict("ALREADY_ENDORSED", "You have already endorsed this answer.");
        }
        CommunityRole role = directory.roleOf(communityId, command.actorId()).orElseThrow();
        List<String> tags = revisions.get(revisions.size() - 1).tags();
        if (role != CommunityRole.OWNER && role != CommunityRole.MODERATOR
                && !expertise.isExpertInAny(communityId, command.actorId(), tags)) {
            throw forbidden("NOT_AN_EXPERT", "Only moderators and experts in one of the question's tags "
                    + tags + " can endorse answers.");
        }
        apply(new AnswerEndorsed(questionId, command.answerId(), communityId, answerAuthor, note,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(WithdrawAnswerEndorsement command) {
        String answerAuthor = requireAnswer(command.answerId());
        if (!endorsers.getOrDefault(command.answerId(), Set.of()).contains(command.actorId())) {
            throw conflict("NOT_ENDORSED", "You have not endorsed this answer.");
        }
        apply(new AnswerEndorsementWithdrawn(questionId, command.answerId(), communityId, answerAuthor,
                command.actorId(), command.occurredAt()));
    }

    // ---- state

    @EventSourcingHandler
    void on(QuestionAsked event) {
        questionId = event.questionId();
        communityId = event.communityId();
        authorId = event.actorId();
        revisions.add(new QuestionRevision(event.title(), event.body(), List.copyOf(event.tags())));
    }

    @EventSourcingHandler
    void on(QuestionEdited event) {
        revisions.add(new QuestionRevision(event.title(), event.body(), List.copyOf(event.tags())));
    }

    @EventSourcingHandler
    void on(AnswerPosted event) {
        answerAuthors.put(event.answerId(), event.actorId());
        answerRevisions.computeIfAbsent(event.answerId(), id -> new ArrayList<>()).add(event.body());
    }

    @EventSourcingHandler
    void on(AnswerEdited event) {
        answerRevisions.computeIfAbsent(event.answerId(), id -> new ArrayList<>()).add(event.body());
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        comments.put(event.commentId(), new CommentState(event.postId(), event.actorId(), event.body()));
    }

    @EventSourcingHandler
    void on(CommentEdited event) {
        comments.computeIfPresent(event.commentId(), (id, c) -> new CommentState(c.postId(), c.authorId(), event.body()));
    }

    @EventSourcingHandler
    void on(CommentDeleted event) {
        comments.remove(event.commentId());
    }

    @EventSourcingHandler
    void on(PostDeleted event) {
        deletedBy.put(event.postId(), event.actorId());
    }

    @EventSourcingHandler
    void on(PostUndeleted event) {
        deletedBy.remove(event.postId());
    }

    @EventSourcingHandler
    void on(QuestionLocked event) {
        locked = true;
    }

    @EventSourcingHandler
    void on(QuestionUnlocked event) {
        locked = false;
    }

    @EventSourcingHandler
    void on(QuestionClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(QuestionReopened event) {
        closed = false;
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        votes.computeIfAbsent(event.postId(), id -> new HashMap<>()).put(event.actorId(), event.direction());
    }

    @EventSourcingHandler
    void on(VoteChanged event) {
        votes.computeIfAbsent(event.postId(), id -> new HashMap<>()).put(event.actorId(), event.direction());
    }

    @EventSourcingHandler
    void on(VoteRetracted event) {
        votes.getOrDefault(event.postId(), new HashMap<>()).remove(event.actorId());
    }

    @EventSourcingHandler
    void on(AnswerAccepted event) {
        acceptedAnswerId = event.answerId();
    }

    @EventSourcingHandler
    void on(AnswerAcceptanceWithdrawn event) {
        acceptedAnswerId = null;
    }

    @EventSourcingHandler
    void on(AnswerEndorsed event) {
        endorsers.computeIfAbsent(event.answerId(), id -> new HashSet<>()).add(event.actorId());
    }

    @EventSourcingHandler
    void on(AnswerEndorsementWithdrawn event) {
        endorsers.getOrDefault(event.answerId(), new HashSet<>()).remove(event.actorId());
    }

    // ---- rules shared by the handlers

    private boolean isPost(String postId) {
        return questionId.equals(postId) || answerAuthors.containsKey(postId);
    }

    private PostKind kindOf(String postId) {
        return questionId.equals(postId) ? PostKind.QUESTION : PostKind.ANSWER;
    }

    private int scoreOf(String postId) {
        return votes.getOrDefault(postId, Map.of()).values().stream()
                .mapToInt(direction -> direction == VoteDirection.UP ? 1 : -1).sum();
    }

    /** The author of the question or answer {@code postId}. */
    private String requirePost(String postId) {
        InputRules.requireId(postId, "postId");
        String author = questionId.equals(postId) ? authorId : answerAuthors.get(postId);
        if (author == null) {
            throw notFound("UNKNOWN_POST", "There is no post with id " + postId + " in this question.");
        }
        return author;
    }

    private CommentState requireComment(String commentId) {
        InputRules.requireId(commentId, "commentId");
        CommentState comment = comments.get(commentId);
        if (comment == null) {
            throw notFound("UNKNOWN_COMMENT", "There is no comment with id " + commentId + " in this question.");
        }
        return comment;
    }

    /** A deleted or locked question takes no answers, comments, votes or edits. */
    private void requireOpenThread() {
        requireNotDeleted(questionId);
        if (locked) {
            throw conflict("QUESTION_LOCKED", "This question is locked: it takes no answers, comments, votes or edits.");
        }
    }

    private void requireNotDeleted(String postId) {
        if (deletedBy.containsKey(postId)) {
            throw conflict("POST_DELETED", questionId.equals(postId) ? "This question is deleted." : "This answer is deleted.");
        }
    }

    private boolean isModerator(String actorId, Privileges privileges) {
        return privileges.holds(communityId, actorId, Privilege.MODERATION_TOOLS);
    }

    private String requireAnswer(String answerId) {
        InputRules.requireId(answerId, "answerId");
        String author = answerAuthors.get(answerId);
        if (author == null) {
            throw notFound("UNKNOWN_ANSWER", "There is no answer with id " + answerId + " to this question.");
        }
        return author;
    }

}
