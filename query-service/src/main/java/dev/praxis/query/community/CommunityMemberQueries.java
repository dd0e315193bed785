package dev.praxis.query.community;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.MembershipRequestView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
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

/**
 * The members of a community (with role and status) and its pending requests to join, for the
 * {@code viewer} (a member id; absent: anonymous). Whoever may read the community sees its members;
 * why someone is suspended or banned only its moderators and owner see, and the member themselves.
 * The requests to join are for the moderators and the owner alone.
 */
@RestController
public class CommunityMemberQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;
    private final Clock clock = Clock.systemUTC();

    public CommunityMemberQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities,
                                  ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    /** Current members and the people banned while their ban lasts, newest first. */
    @GetMapping("/communities/{id}/members")
    public Page<CommunityMemberView> members(@PathVariable String id,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after,
                                             @RequestParam(required = false) String viewer,
                                             @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(id, viewer);
        Instant now = clock.instant();
        Criteria listed = listed(id, now);
        long total = mongo.count(Query.query(listed), CommunityMemberDocument.COLLECTION);
        boolean moderator = access.moderates(id, viewer);
        return Pages.newestFirst(mongo, CommunityMemberDocument.class, CommunityMemberDocument.COLLECTION, listed,
                first, after, total, CommunityMemberDocument::createdAt, CommunityMemberDocument::id,
                document -> shownTo(document.view(now), viewer, moderator));
    }

    /** One member of the community, with role and status; 404 when they are not listed there. */
    @GetMapping("/communities/{id}/members/{memberId}")
    public CommunityMemberView member(@PathVariable String id, @PathVariable String memberId,
                                      @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(id, viewer);
        Instant now = clock.instant();
        CommunityMemberDocument document = mongo.findOne(Query.query(new Criteria().andOperator(
                        where("_id").is(CommunityMemberDocument.idOf(id, memberId)), listed(id, now))),
                CommunityMemberDocument.class, CommunityMemberDocument.COLLECTION);
        if (document == null) {
            throw QueryRejectedException.notFound("UNKNOWN_MEMBER", "There is no member " + memberId + " in community " + id + ".");
        }
        return shownTo(document.view(now), viewer, access.moderates(id, viewer));
    }

    /** The pending requests to join, newest first: 403 {@code NOT_A_MODERATOR} for anyone but moderators and the owner. */
    @GetMapping("/communities/{id}/membership-requests")
    public Page<MembershipRequestView> membershipRequests(@PathVariable String id,
                                                          @RequestParam(required = false) Integer first,
                                                          @RequestParam(required = false) String after,
                                                          @RequestParam(required = false) String viewer,
                                                          @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(id, viewer);
        if (!access.moderates(id, viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "NOT_A_MODERATOR",
                    "Only the community's moderators and owners can see its requests to join.");
        }
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

    /** The member as the viewer may see them: the reason of a sanction is for moderators and the member alone. */
    private static CommunityMemberView shownTo(CommunityMemberView member, String viewer, boolean moderator) {
        if (member.restrictionReason() == null || moderator || member.memberId().equals(viewer)) {
            return member;
        }
        return new CommunityMemberView(member.communityId(), member.memberId(), member.displayName(), member.role(),
                member.status(), member.restrictedUntil(), null, member.joinedAt());
    }
}
