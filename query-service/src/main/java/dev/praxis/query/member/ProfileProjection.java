package dev.praxis.query.member;

import static dev.praxis.query.shared.AppliedEvents.upsertOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.member.MemberErased;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.privacy.PersonalData;
import dev.praxis.query.shared.PendingWrites;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Members' profiles, follows and skill endorsements. Profile updates are plain {@code $set}s; the
 * list changes go through {@code AppliedEvents} so that a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup("profiles")
public class ProfileProjection {

    private final MongoTemplate mongo;

    public ProfileProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProfileUpdated event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.memberId())), new Update()
                .set("bio", event.bio())
                .set("skills", event.skills()), ProfileDocument.COLLECTION);
    }

    /** A bio reads as erased, as the events now do for a rebuild (no bio stays none). */
    @EventHandler
    void on(MemberErased event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.memberId()).and("bio").ne(null)),
                new Update().set("bio", PersonalData.ERASED), ProfileDocument.COLLECTION);
    }

    @EventHandler
    void on(SkillEndorsed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().push("endorsements", new Document("skill", event.skill())
                .append("endorserId", event.actorId())
                .append("note", event.note())
                .append("endorsedAt", Date.from(event.occurredAt()))));
    }

    @EventHandler
    void on(SkillEndorsementWithdrawn event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().pull("endorsements",
                new Document("skill", event.skill()).append("endorserId", event.actorId())));
    }

    @EventHandler
    void on(MemberFollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().addToSet("followingMembers", event.followedMemberId()));
        once(event.followedMemberId(), message, new Update().addToSet("followers", event.memberId()));
    }

    @EventHandler
    void on(MemberUnfollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().pull("followingMembers", event.followedMemberId()));
        once(event.followedMemberId(), message, new Update().pull("followers", event.memberId()));
    }

    @EventHandler
    void on(TagFollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().addToSet("followingTags",
                new Document("communityId", event.communityId()).append("name", event.tag())));
    }

    @EventHandler
    void on(TagUnfollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().pull("followingTags",
                new Document("communityId", event.communityId()).append("name", event.tag())));
    }

    @EventHandler
    void on(QuestionFollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().addToSet("followingQuestions", event.questionId()));
    }

    @EventHandler
    void on(QuestionUnfollowed event, EventMessage<?> message) {
        once(event.memberId(), message, new Update().pull("followingQuestions", event.questionId()));
    }

    private void once(String memberId, EventMessage<?> cause, Update update) {
        upsertOnce(mongo, ProfileDocument.COLLECTION, memberId, cause.getIdentifier(), update);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ProfileDocument.COLLECTION);
    }
}
