package dev.praxis.command.question;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.question.AcceptAnswer;
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
 * A question with its answers, votes, accepted answer and endorsements: one consistency boundary,
 * so that "one vote per member per post" and "only the asker accepts" hold without coordination.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Question {

    static final int ENDORSEMENT_NOTE_MAX = 500;

    @AggregateIdentifier
    private String questionId;
    private String communityId;
    private String authorId;
    /** answer id to its author */
    private Map<String, String> answerAuthors = new HashMap<>();
    /** post id (question or answer) to the members who voted on it */
    private Map<String, Set<String>> voters = new HashMap<>();
    /** answer id to the members who endorsed it */
    private Map<String, Set<String>> endorsers = new HashMap<>();
    private String acceptedAnswerId;

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
        requireMember(directory, command.communityId(), command.actorId());
        tags = TagUsage.resolve(tags, command.communityId(), command.actorId(), tagDirectory, privileges);
        apply(new QuestionAsked(command.questionId(), command.communityId(), title, body, tags,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(PostAnswer command, CommunityDirectory directory) {
        InputRules.requireId(command.answerId(), "answerId");
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        if (answerAuthors.containsKey(command.answerId()) || questionId.equals(command.answerId())) {
            throw conflict("DUPLICATE_ID", "A post with id " + command.answerId() + " already exists.");
        }
        requireMember(directory, communityId, command.actorId());
        apply(new AnswerPosted(questionId, command.answerId(), communityId, body, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(CastVote command, CommunityDirectory directory, Privileges privileges) {
        InputRules.requireId(command.postId(), "postId");
        if (command.direction() == null) {
            throw invalid("MISSING_DIRECTION", "A vote needs a direction, UP or DOWN.");
        }
        boolean onQuestion = questionId.equals(command.postId());
        String postAuthor = onQuestion ? authorId : answerAuthors.get(command.postId());
        if (postAuthor == null) {
            throw notFound("UNKNOWN_POST", "There is no post with id " + command.postId() + " in this question.");
        }
        if (postAuthor.equals(command.actorId())) {
            throw forbidden("OWN_POST", "You cannot vote on your own post.");
        }
        requireMember(directory, communityId, command.actorId());
        privileges.require(communityId, command.actorId(),
                command.direction() == VoteDirection.UP ? Privilege.UPVOTE : Privilege.DOWNVOTE);
        if (voters.getOrDefault(command.postId(), Set.of()).contains(command.actorId())) {
            throw conflict("ALREADY_VOTED", "You have already voted on this post.");
        }
        apply(new VoteCast(questionId, command.postId(), onQuestion ? PostKind.QUESTION : PostKind.ANSWER,
                communityId, postAuthor, command.direction(), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AcceptAnswer command) {
        String answerAuthor = requireAnswer(command.answerId());
        if (!authorId.equals(command.actorId())) {
            throw forbidden("NOT_THE_ASKER", "Only the member who asked the question can accept an answer.");
        }
        if (command.answerId().equals(acceptedAnswerId)) {
            throw conflict("ALREADY_ACCEPTED", "This answer is already the accepted one.");
        }
        if (acceptedAnswerId != null) {
            apply(new AnswerAcceptanceWithdrawn(questionId, acceptedAnswerId, communityId,
                    answerAuthors.get(acceptedAnswerId), command.actorId(), command.occurredAt()));
        }
        apply(new AnswerAccepted(questionId, command.answerId(), communityId, answerAuthor,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(EndorseAnswer command, CommunityDirectory directory) {
        String answerAuthor = requireAnswer(command.answerId());
        String note = InputRules.optionalText(command.note(), "note", ENDORSEMENT_NOTE_MAX);
        if (answerAuthor.equals(command.actorId())) {
            throw forbidden("OWN_ANSWER", "You cannot endorse your own answer.");
        }
        requireMember(directory, communityId, command.actorId());
        if (endorsers.getOrDefault(command.answerId(), Set.of()).contains(command.actorId())) {
            throw conflict("ALREADY_ENDORSED", "You have already endorsed this answer.");
        }
        apply(new AnswerEndorsed(questionId, command.answerId(), communityId, answerAuthor, note,
                command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(QuestionAsked event) {
        questionId = event.questionId();
        communityId = event.communityId();
        authorId = event.actorId();
    }

    @EventSourcingHandler
    void on(AnswerPosted event) {
        answerAuthors.put(event.answerId(), event.actorId());
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        voters.computeIfAbsent(event.postId(), id -> new HashSet<>()).add(event.actorId());
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

    private String requireAnswer(String answerId) {
        InputRules.requireId(answerId, "answerId");
        String author = answerAuthors.get(answerId);
        if (author == null) {
            throw notFound("UNKNOWN_ANSWER", "There is no answer with id " + answerId + " to this question.");
        }
        return author;
    }

    private static void requireMember(CommunityDirectory directory, String communityId, String memberId) {
        directory.writeBlock(communityId, memberId, java.time.Instant.now()).ifPresent(block -> {
            throw forbidden(block.status().name(), block.describe());
        });
        if (directory.roleOf(communityId, memberId).isEmpty()) {
            throw forbidden("NOT_A_MEMBER", "Only members of the community can do this: join it first.");
        }
    }
}
