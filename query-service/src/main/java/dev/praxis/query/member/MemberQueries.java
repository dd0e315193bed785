package dev.praxis.query.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.reputation.ReputationTotals;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members, readable by anyone; their memberships of private communities only for the {@code viewer}
 * (a member id; absent: anonymous) who may read those communities, so that a private community's
 * existence does not leak through a member's page.
 */
@RestController
public class MemberQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReputationTotals reputation;
    private final ReadAccess access;

    public MemberQueries(MongoTemplate mongo, ReadConsistency consistency, ReputationTotals reputation, ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.reputation = reputation;
        this.access = access;
    }

    @GetMapping("/members/{id}")
    public MemberView member(@PathVariable String id, @RequestParam(required = false) String viewer,
                             @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        MemberDocument member = mongo.findById(id, MemberDocument.class, MemberDocument.COLLECTION);
        if (member == null) {
            throw QueryRejectedException.notFound("UNKNOWN_MEMBER", "There is no member with id " + id + ".");
        }
        return shownTo(member.view(reputation.ofMembers(List.of(id)).getOrDefault(id, java.util.Map.of())),
                access.unreadablePrivateCommunities(viewer));
    }

    @PostMapping("/members/batch")
    public List<MemberView> members(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        Set<String> unreadable = access.unreadablePrivateCommunities(viewer);
        List<MemberDocument> members = mongo.find(query(where("_id").in(Pages.checkedIds(batch))), MemberDocument.class,
                MemberDocument.COLLECTION);
        var reputations = reputation.ofMembers(members.stream().map(MemberDocument::id).toList());
        return members.stream()
                .map(m -> shownTo(m.view(reputations.getOrDefault(m.id(), java.util.Map.of())), unreadable))
                .toList();
    }

    /** The member without their memberships of the communities the viewer may not read. */
    private static MemberView shownTo(MemberView member, Set<String> unreadable) {
        if (unreadable.isEmpty() || member.memberships() == null) {
            return member;
        }
        return new MemberView(member.id(), member.displayName(), member.reputation(), member.memberships().stream()
                .filter(membership -> !unreadable.contains(membership.communityId()))
                .toList());
    }
}
