package dev.praxis.command.bounty;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.bounty.AwardBounty;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyIds;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.bounty.ExpireBounty;
import dev.praxis.api.bounty.OfferBounty;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.question.PostKind;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.shared.InputRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The bounties on one question (Stack Overflow's rules): at most one open at a time; the offerer
 * pays at once, awards it to someone else's answer, or, when it runs out, half of it goes to the
 * best new answer with a score of at least 2.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Bounty {

    static final int MIN_AMOUNT = 50;
    static final int MAX_AMOUNT = 500;
    static final int AMOUNT_STEP = 50;
    static final int MIN_AUTO_AWARD_SCORE = 2;
    static final Duration DURATION = Duration.ofDays(7);

    @AggregateIdentifier
    private String bountyId;
    private String questionId;
    private String communityId;
    private int round;
    private boolean open;
    private int amount;
    private String offeredBy;
    private Instant offeredAt;
    private Instant expiresAt;

    protected Bounty() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OfferBounty command, Posts posts, CommunityDirectory directory, Privileges privileges) {
        InputRules.requireId(command.questionId(), "questionId");
        if (command.amount() < MIN_AMOUNT || command.amount() > MAX_AMOUNT || command.amount() % AMOUNT_STEP != 0) {
            throw invalid("INVALID_BOUNTY_AMOUNT", "A bounty is " + MIN_AMOUNT + " to " + MAX_AMOUNT
                    + " reputation in steps of " + AMOUNT_STEP + ".");
        }
        Posts.Post question = posts.find(command.questionId())
                .filter(post -> post.kind() == PostKind.QUESTION)
                .orElseThrow(() -> notFound("UNKNOWN_QUESTION", "There is no question with id " + command.questionId() + "."));
        if (question.deleted()) {
            throw conflict("QUESTION_DELETED", "This question is deleted.");
        }
        if (question.locked()) {
            throw conflict("QUESTION_LOCKED", "This question is locked.");
        }
        directory.requireActiveMember(question.communityId(), command.actorId(), command.occurredAt());
        privileges.require(question.communityId(), command.actorId(), Privilege.OFFER_BOUNTY);
        if (open) {
            throw conflict("BOUNTY_ALREADY_OPEN", "This question already has an open bounty.");
        }
        int reputation = privileges.reputationOf(question.communityId(), command.actorId());
        if (reputation < command.amount()) {
            throw forbidden("INSUFFICIENT_REPUTATION", "A bounty of " + command.amount()
                    + " needs at least that much reputation; you have " + reputation + ".");
        }
        apply(new BountyOffered(command.questionId(), round + 1, question.communityId(), command.amount(),
                command.occurredAt().plus(DURATION), command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(AwardBounty command, Posts posts) {
        InputRules.requireId(command.answerId(), "answerId");
        if (!open) {
            throw conflict("NO_OPEN_BOUNTY", "This question has no open bounty.");
        }
        if (!offeredBy.equals(command.actorId())) {
            throw forbidden("NOT_THE_OFFERER", "Only the member who offered the bounty can award it.");
        }
        Posts.Post answer = posts.find(command.answerId())
                .filter(post -> post.kind() == PostKind.ANSWER && post.questionId().equals(questionId) && !post.deleted())
                .orElseThrow(() -> notFound("UNKNOWN_ANSWER",
                        "There is no answer with id " + command.answerId() + " to this question."));
        if (answer.authorId().equals(command.actorId())) {
            throw forbidden("OWN_ANSWER", "You cannot award your bounty to your own answer.");
        }
        apply(new BountyAwarded(questionId, round, communityId, answer.postId(), answer.authorId(), amount,
                command.actorId(), command.occurredAt()));
    }

    /** Idempotent: a bounty that is no longer open (awarded, expired) or another round is left alone. */
    @CommandHandler
    public void handle(ExpireBounty command, Posts posts) {
        if (!open || command.round() != round) {
            return;
        }
        if (command.occurredAt().isBefore(expiresAt)) {
            throw conflict("BOUNTY_NOT_DUE", "This bounty runs until " + expiresAt + ".");
        }
        Optional<Posts.Post> winner = posts.answersTo(questionId).stream()
                .filter(answer -> !answer.createdAt().isBefore(offeredAt))
                .filter(answer -> answer.score() >= MIN_AUTO_AWARD_SCORE)
                .filter(answer -> !answer.authorId().equals(offeredBy))
                .min(Comparator.comparingInt(Posts.Post::score).reversed()
                        .thenComparing(Posts.Post::createdAt)
                        .thenComparing(Posts.Post::postId));
        apply(new BountyExpired(questionId, round, communityId, offeredBy, amount,
                winner.map(Posts.Post::postId).orElse(null), winner.map(Posts.Post::authorId).orElse(null),
                winner.isPresent() ? amount / 2 : 0, command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(BountyOffered event) {
        bountyId = BountyIds.forQuestion(event.questionId());
        questionId = event.questionId();
        communityId = event.communityId();
        round = event.round();
        open = true;
        amount = event.amount();
        offeredBy = event.actorId();
        offeredAt = event.occurredAt();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(BountyAwarded event) {
        open = false;
    }

    @EventSourcingHandler
    void on(BountyExpired event) {
        open = false;
    }
}
