package dev.praxis.query.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.member.MemberErased;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.privacy.PersonalData;
import dev.praxis.query.shared.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Members and their memberships; every handler is idempotent. Their reputation is the reputation
 * projection's ({@code dev.praxis.query.reputation}), which {@link MemberQueries} joins in.
 */
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
        PendingWrites.upsert(mongo, query(where("_id").is(event.memberId())), new Update()
                .set("displayName", event.displayName())
                .set(membership + ".communityId", event.communityId())
                .set(membership + ".role", event.role())
                .set(membership + ".joinedAt", event.occurredAt()), MemberDocument.COLLECTION);
    }

    /** A member who set a profile is shown under its display name, joined or not. */
    @EventHandler
    void on(ProfileUpdated event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.memberId())), new Update()
                .set("profileName", event.displayName()), MemberDocument.COLLECTION);
    }

    /** The names read as erased, as the events now do for a rebuild. */
    @EventHandler
    void on(MemberErased event) {
        for (String field : new String[] {"displayName", "profileName"}) {
            PendingWrites.updateFirst(mongo, query(where("_id").is(event.memberId()).and(field).exists(true)),
                    new Update().set(field, PersonalData.ERASED), MemberDocument.COLLECTION);
        }
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.memberId())),
                new Update().set("memberships." + event.communityId() + ".role", event.role()), MemberDocument.COLLECTION);
    }

    /** A former membership keeps no role: it is not listed (its reputation survives a return). */
    @EventHandler
    void on(MemberLeftCommunity event) {
        endMembership(event.memberId(), event.communityId());
    }

    @EventHandler
    void on(MemberBanned event) {
        endMembership(event.memberId(), event.communityId());
    }

    private void endMembership(String memberId, String communityId) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(memberId)),
                new Update().unset("memberships." + communityId + ".role"), MemberDocument.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(MemberDocument.COLLECTION);
    }
}
