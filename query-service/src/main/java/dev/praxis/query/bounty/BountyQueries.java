package dev.praxis.query.bounty;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.BountyView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.query.access.PostCommunities;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open bounties on questions, for the {@code viewer} (a member id; absent: anonymous): those on
 * questions of a private community only for its current members. A bounty names only its question,
 * so the question's community is looked up to judge it.
 */
@RestController
public class BountyQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReadAccess access;
    private final PostCommunities posts;

    public BountyQueries(MongoTemplate mongo, ReadConsistency consistency, ReadAccess access, PostCommunities posts) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.access = access;
        this.posts = posts;
    }

    /** The open bounty on a question, or 404 {@code NO_OPEN_BOUNTY} (also when the viewer may not read the question). */
    @GetMapping("/questions/{questionId}/bounty")
    public BountyView bountyOf(@PathVariable String questionId, @RequestParam(required = false) String viewer,
                               @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        BountyDocument bounty = mongo.findOne(query(where("_id").is(questionId).and("open").is(true)),
                BountyDocument.class, BountyDocument.COLLECTION);
        boolean readable = bounty != null
                && posts.communityOf(questionId).map(community -> access.canRead(community, viewer)).orElse(false);
        if (!readable) {
            throw QueryRejectedException.notFound("NO_OPEN_BOUNTY", "The question " + questionId + " has no open bounty.");
        }
        return bounty.view();
    }

    /**
     * The open bounties of the questions named (by question id); questions without one, and those
     * the viewer may not read, are left out.
     */
    @PostMapping("/bounties/batch")
    public List<BountyView> bounties(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                     @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        List<BountyDocument> open = mongo.find(query(where("_id").in(Pages.checkedIds(batch)).and("open").is(true)),
                BountyDocument.class, BountyDocument.COLLECTION);
        Set<String> unreadable = access.unreadablePrivateCommunities(viewer);
        if (open.isEmpty() || unreadable.isEmpty()) {
            return open.stream().map(BountyDocument::view).toList();
        }
        Map<String, String> communities = posts.communitiesOf(open.stream().map(BountyDocument::questionId).toList());
        return open.stream()
                .filter(bounty -> communities.containsKey(bounty.questionId())
                        && !unreadable.contains(communities.get(bounty.questionId())))
                .map(BountyDocument::view)
                .toList();
    }
}
