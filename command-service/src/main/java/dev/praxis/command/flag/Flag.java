package dev.praxis.command.flag;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.flag.FlagIds;
import dev.praxis.api.flag.FlagPost;
import dev.praxis.api.flag.FlagReason;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.flag.PostFlagged;
import dev.praxis.api.flag.ReviewFlag;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.question.PostKind;
import dev.praxis.command.bounty.Posts;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.shared.InputRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The flags on one post: each member flags a post at most once; a moderator's review closes the
 * open flags with a decision.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Flag {

    static final int TEXT_MAX = 500;

    @AggregateIdentifier
    private String flagId;
    private String postId;
    private PostKind postKind;
    private String questionId;
    private String communityId;
    private String postAuthorId;
    private Set<String> flaggedBy = new HashSet<>();
    private List<String> openFlaggers = new ArrayList<>();

    protected Flag() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FlagPost command, Posts posts, CommunityDirectory directory, Privileges privileges) {
        InputRules.requireId(command.postId(), "postId");
        if (command.reason() == null) {
            throw invalid("MISSING_REASON", "A flag needs a reason: SPAM, OFFENSIVE, NEEDS_IMPROVEMENT or OTHER.");
        }
        String text = InputRules.optionalText(command.text(), "text", TEXT_MAX);
        if (command.reason() == FlagReason.OTHER && text == null) {
            throw invalid("FLAG_TEXT_REQUIRED", "A flag for another reason must say what is wrong.");
        }
        Posts.Post post = posts.find(command.postId())
                .orElseThrow(() -> notFound("UNKNOWN_POST", "There is no post with id " + command.postId() + "."));
        if (post.deleted()) {
            throw conflict("POST_DELETED", "This post is deleted.");
        }
        if (post.authorId().equals(command.actorId())) {
            throw forbidden("OWN_POST", "You cannot flag your own post.");
        }
        directory.requireActiveMember(post.communityId(), command.actorId(), command.occurredAt());
        privileges.require(post.communityId(), command.actorId(), Privilege.FLAG);
        if (flaggedBy.contains(command.actorId())) {
            throw conflict("ALREADY_FLAGGED", "You have already flagged this post.");
        }
        apply(new PostFlagged(post.postId(), post.kind(), post.questionId(), post.communityId(), post.authorId(),
                command.reason(), text, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReviewFlag command, CommunityDirectory directory) {
        if (command.decision() == null) {
            throw invalid("MISSING_DECISION", "A review needs a decision: DISMISS, DELETE or LOCK.");
        }
        String note = InputRules.optionalText(command.note(), "note", TEXT_MAX);
        CommunityRole role = directory.roleOf(communityId, command.actorId()).orElse(null);
        if (role != CommunityRole.MODERATOR && role != CommunityRole.OWNER) {
            throw forbidden("NOT_A_MODERATOR", "Only the community's moderators can review flags.");
        }
        if (openFlaggers.isEmpty()) {
            throw conflict("NO_OPEN_FLAGS", "This post has no open flags.");
        }
        apply(new FlagReviewed(postId, postKind, questionId, communityId, postAuthorId, command.decision(), note,
                List.copyOf(openFlaggers), command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(PostFlagged event) {
        flagId = FlagIds.forPost(event.postId());
        postId = event.postId();
        postKind = event.postKind();
        questionId = event.questionId();
        communityId = event.communityId();
        postAuthorId = event.postAuthorId();
        flaggedBy.add(event.actorId());
        openFlaggers.add(event.actorId());
    }

    @EventSourcingHandler
    void on(FlagReviewed event) {
        openFlaggers.clear();
    }
}
