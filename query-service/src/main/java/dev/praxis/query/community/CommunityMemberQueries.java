package dev.praxis.query.community;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.MembershipRequestView;
import dev.praxis.api.query.Page;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The members of a community (with role and status) and its pending requests to join. */
@RestController
public class CommunityMemberQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final Clock clock = Clock.systemUTC();

    public CommunityMemberQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
    }

    /** Current members and the people banned while their ban lasts, newest first. */
    @GetMapping("/communities/{id}/members")
    public Page<CommunityMemberView> members(@PathVariable String id,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after,
                                             @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        requireCommunity(id);
        Instant now = clock.instant();
        Criteria listed = listed(id, now);
        long total = mongo.count(Query.query(listed), CommunityMemberDocument.COLLECTION);
        return Pages.newestFirst(mongo, CommunityMemberDocument.class, CommunityMemberDocument.COLLECTION, listed,
                first, after, total, CommunityMemberDocument::createdAt, CommunityMemberDocument::id,
                document -> document.view(now));
    }

    /** One member of the community, with role and status; 404 when they are not listed there. */
    @GetMapping("/communities/{id}/members/{memberId}")
    public CommunityMemberView member(@PathVariable String id, @PathVariable String memberId,
                                      @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        requireCommunity(id);
        Instant now = clock.instant();
        CommunityMemberDocument document = mongo.findOne(Query.query(new Criteria().andOperator(
                        where("_id").is(CommunityMemberDocument.idOf(id, memberId)), listed(id, now))),
                CommunityMemberDocument.class, CommunityMemberDocument.COLLECTION);
        if (document == null) {
            throw QueryRejectedException.notFound("UNKNOWN_MEMBER", "There is no member " + memberId + " in community " + id + ".");
        }
        return document.view(now);
    }

    @GetMapping("/communities/{id}/membership-requests")
    public Page<MembershipRequestView> membershipRequests(@PathVariable String id,
                                                          @RequestParam(required = false) Integer first,
                                                          @RequestParam(required = false) String after,
                                                          @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        requireCommunity(id);
        Criteria ofCommunity = where("communityId").is(id);
        long total = mongo.count(Query.query(ofCommunity), MembershipRequestDocument.COLLECTION);
        return Pages.newestFirst(mongo, MembershipRequestDocument.class, MembershipRequestDocument.COLLECTION, ofCommunity,
                first, after, total, MembershipRequestDocument::createdAt, MembershipRequestDocument::id,
                MembershipRequestDocument::view);
    }

    /** Members who have not left, and the banned while the ban lasts (an ended ban leaves a former member). */
    private static Criteria listed(String communityId, Instant now) {
        return new Criteria().andOperator(
                where("communityId").is(communityId),
                where("left").ne(true),
                new Criteria().norOperator(where("banned").is(true).and("bannedUntil").lte(now)));
    }

    private void requireCommunity(String id) {
        if (communities.find(id).isEmpty()) {
            throw CommunityQueries.unknown(id);
        }
    }
}
