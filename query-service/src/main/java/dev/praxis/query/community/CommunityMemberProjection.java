package dev.praxis.query.community;

import static dev.praxis.query.community.CommunityMemberDocument.idOf;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MemberUnbanned;
import dev.praxis.api.community.MembershipRequestRejected;
import dev.praxis.api.community.MembershipRequested;
import dev.praxis.api.community.SuspensionLifted;
import dev.praxis.api.member.MemberErased;
import dev.praxis.api.privacy.PersonalData;
import dev.praxis.query.shared.PendingWrites;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The members of each community with role and sanctions, and the pending requests to join. Every
 * handler sets or removes fields by key, so delivering an event twice changes nothing.
 */
@Component
@ProcessingGroup("community-members")
public class CommunityMemberProjection {

    private final MongoTemplate mongo;

    public CommunityMemberProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndexes();
    }

    private void ensureIndexes() {
        // the embedded server ignores secondary indexes; a real MongoDB needs these for the lists
        for (String collection : List.of(CommunityMemberDocument.COLLECTION, MembershipRequestDocument.COLLECTION)) {
            mongo.indexOps(collection).createIndex(new Index()
                    .on("communityId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                    .named("community_newest_first"));
        }
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        member(event.communityId(), event.memberId(), new Update()
                .set("displayName", event.displayName())
                .set("role", event.role())
                .set("createdAt", event.occurredAt())
                .set("left", false)
                .set("banned", false)
                .unset("bannedUntil")
                .unset("banReason"));
        removeRequest(event.communityId(), event.memberId());
    }

    @EventHandler
    void on(MemberLeftCommunity event) {
        member(event.communityId(), event.memberId(), new Update().set("left", true));
    }

    @EventHandler
    void on(MemberRoleChanged event) {
        member(event.communityId(), event.memberId(), new Update().set("role", event.role()));
    }

    @EventHandler
    void on(MemberSuspended event) {
        member(event.communityId(), event.memberId(), new Update()
                .set("suspendedUntil", event.until())
                .set("suspensionReason", event.reason()));
    }

    @EventHandler
    void on(SuspensionLifted event) {
        member(event.communityId(), event.memberId(), new Update().unset("suspendedUntil").unset("suspensionReason"));
    }

    @EventHandler
    void on(MemberBanned event) {
        Update update = new Update()
                .set("banned", true)
                .set("bannedUntil", event.until())
                .set("banReason", event.reason())
                .set("left", false)
                .unset("suspendedUntil")
                .unset("suspensionReason")
                .setOnInsert("displayName", event.memberId())
                .setOnInsert("createdAt", event.occurredAt());
        member(event.communityId(), event.memberId(), update);
        removeRequest(event.communityId(), event.memberId());
    }

    /** Unbanned, the person is no member: they join again by the community's rules. */
    @EventHandler
    void on(MemberUnbanned event) {
        member(event.communityId(), event.memberId(), new Update().set("banned", false).set("left", true)
                .unset("bannedUntil").unset("banReason"));
    }

    @EventHandler
    void on(MembershipRequested event) {
        mongo.upsert(query(where("_id").is(idOf(event.communityId(), event.memberId()))), new Update()
                .set("communityId", event.communityId())
                .set("memberId", event.memberId())
                .set("displayName", event.displayName())
                .set("message", event.message())
                .set("createdAt", event.occurredAt()), MembershipRequestDocument.COLLECTION);
    }

    /**
     * What the communities show of an erased member reads as erased, exactly as a rebuild from the
     * events (which now decrypt to the erased marker) would show it: the name they joined with, the
     * reasons given for their sanctions, their pending request's name and message. A name that is
     * only the member's id (a ban of a non-member) was never personal data and stays.
     */
    @EventHandler
    void on(MemberErased event) {
        for (String collection : List.of(CommunityMemberDocument.COLLECTION, MembershipRequestDocument.COLLECTION)) {
            for (Document document : mongo.find(query(where("memberId").is(event.memberId())), Document.class, collection)) {
                Update update = new Update();
                for (String field : List.of("displayName", "suspensionReason", "banReason", "message")) {
                    Object value = document.get(field);
                    if (value instanceof String text && !text.equals(event.memberId())) {
                        update.set(field, PersonalData.ERASED);
                    }
                }
                if (!update.getUpdateObject().isEmpty()) {
                    PendingWrites.updateFirst(mongo, query(where("_id").is(document.get("_id"))), update, collection);
                }
            }
        }
    }

    @EventHandler
    void on(MembershipRequestRejected event) {
        removeRequest(event.communityId(), event.memberId());
    }

    private void member(String communityId, String memberId, Update update) {
        PendingWrites.upsert(mongo, query(where("_id").is(idOf(communityId, memberId))),
                update.set("communityId", communityId).set("memberId", memberId), CommunityMemberDocument.COLLECTION);
    }

    private void removeRequest(String communityId, String memberId) {
        mongo.remove(query(where("_id").is(idOf(communityId, memberId))), MembershipRequestDocument.COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CommunityMemberDocument.COLLECTION);
        mongo.dropCollection(MembershipRequestDocument.COLLECTION);
        ensureIndexes();
    }
}
