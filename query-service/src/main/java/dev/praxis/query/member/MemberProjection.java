package dev.praxis.query.member;

import static dev.praxis.query.shared.AppliedEvents.upsertOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.reputation.DefaultReputationRules;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Members, their memberships and their reputation per community; every handler is idempotent. */
@Component
@ProcessingGroup("members")
public class MemberProjection {

    private final MongoTemplate mongo;

    public MemberProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        String membership = "memberships." + event.communityId();
        mongo.upsert(query(where("_id").is(event.memberId())), new Update()
                .set("displayName", event.displayName())
                .set(membership + ".communityId", event.communityId())
                .set(membership + ".role", event.role())
                .set(membership + ".joinedAt", event.occurredAt())
                .setOnInsert("points", 0L), MemberDocument.COLLECTION);
    }

    /** A member who set a profile is shown under its display name, joined or not. */
    @EventHandler
    void on(ProfileUpdated event) {
        mongo.upsert(query(where("_id").is(event.memberId())), new Update()
                .set("profileName", event.displayName()), MemberDocument.COLLECTION);
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        mongo.updateFirst(query(where("_id").is(event.memberId())),
                new Update().set("memberships." + event.communityId() + ".role", event.role()), MemberDocument.COLLECTION);
    }

    /** A former membership keeps its points (reputation survives a return) but no role: it is not listed. */
    @EventHandler
    void on(MemberLeftCommunity event) {
        endMembership(event.memberId(), event.communityId());
    }

    @EventHandler
    void on(MemberBanned event) {
        endMembership(event.memberId(), event.communityId());
    }

    private void endMembership(String memberId, String communityId) {
        mongo.updateFirst(query(where("_id").is(memberId)),
                new Update().unset("memberships." + communityId + ".role"), MemberDocument.COLLECTION);
    }

    @EventHandler
    void on(VoteCast event, EventMessage<?> message) {
        earn(event.postAuthorId(), event.communityId(), DefaultReputationRules.forVoteReceived(event.direction()), message);
    }

    @EventHandler
    void on(VoteChanged event, EventMessage<?> message) {
        earn(event.postAuthorId(), event.communityId(), DefaultReputationRules.forVoteReceived(event.direction())
                - DefaultReputationRules.forVoteReceived(event.previousDirection()), message);
    }

    @EventHandler
    void on(VoteRetracted event, EventMessage<?> message) {
        earn(event.postAuthorId(), event.communityId(), -DefaultReputationRules.forVoteReceived(event.direction()), message);
    }

    @EventHandler
    void on(AnswerAccepted event, EventMessage<?> message) {
        earn(event.answerAuthorId(), event.communityId(),
                DefaultReputationRules.forAcceptance(event.answerAuthorId(), event.actorId()), message);
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn event, EventMessage<?> message) {
        earn(event.answerAuthorId(), event.communityId(),
                -DefaultReputationRules.forAcceptance(event.answerAuthorId(), event.actorId()), message);
    }

    /** The amount of a bounty leaves its offerer's reputation when offered. */
    @EventHandler
    void on(BountyOffered event, EventMessage<?> message) {
        earn(event.actorId(), event.communityId(), -event.amount(), message);
    }

    @EventHandler
    void on(BountyAwarded event, EventMessage<?> message) {
        earn(event.answerAuthorId(), event.communityId(), event.amount(), message);
    }

    @EventHandler
    void on(BountyExpired event, EventMessage<?> message) {
        if (event.winnerId() != null) {
            earn(event.winnerId(), event.communityId(), event.awardedAmount(), message);
        }
    }

    private void earn(String memberId, String communityId, int points, EventMessage<?> cause) {
        if (points == 0) {
            return;
        }
        upsertOnce(mongo, MemberDocument.COLLECTION, memberId, cause.getIdentifier(), new Update()
                .inc("points", (long) points)
                .inc("memberships." + communityId + ".points", (long) points));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(MemberDocument.COLLECTION);
    }
}
