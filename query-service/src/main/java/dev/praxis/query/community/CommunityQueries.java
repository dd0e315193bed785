package dev.praxis.query.community;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Communities, for the {@code viewer} (a member id; absent: anonymous). A private community exists
 * only for its current members: for anyone else it is not listed, and asked for by id it answers
 * 404 {@code UNKNOWN_COMMUNITY} exactly as a community that does not exist, so that its existence
 * does not leak. The other features ask {@link #readable} before they answer a community's content.
 */
@RestController
public class CommunityQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReadAccess access;

    public CommunityQueries(MongoTemplate mongo, ReadConsistency consistency, ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.access = access;
    }

    @GetMapping("/communities/{id}")
    public CommunityView community(@PathVariable String id, @RequestParam(required = false) String viewer,
                                   @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return readable(id, viewer);
    }

    @GetMapping("/communities")
    public Page<CommunityView> communities(@RequestParam(required = false) Integer first,
                                           @RequestParam(required = false) String after,
                                           @RequestParam(required = false) String viewer,
                                           @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        Criteria listed = access.readableBy("_id", viewer);
        long total = mongo.count(Query.query(listed), CommunityDocument.COLLECTION);
        return Pages.newestFirst(mongo, CommunityDocument.class, CommunityDocument.COLLECTION, listed,
                first, after, total, CommunityDocument::createdAt, CommunityDocument::id, CommunityDocument::view);
    }

    /** The communities asked for that exist and that the viewer may read. */
    @PostMapping("/communities/batch")
    public List<CommunityView> batch(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                     @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return AppliedEvents.findWithoutEventIds(mongo, query(access.readable(where("_id").in(Pages.checkedIds(batch)), "_id", viewer)),
                CommunityDocument.class, CommunityDocument.COLLECTION).stream().map(CommunityDocument::view).toList();
    }

    /**
     * The community, when the viewer may read it; otherwise 404 {@code UNKNOWN_COMMUNITY}, the same
     * answer as for a community that does not exist.
     */
    public CommunityView readable(String id, String viewer) {
        CommunityView community = find(id).orElseThrow(() -> unknown(id));
        if (!access.canRead(id, community.visibility(), viewer)) {
            throw unknown(id);
        }
        return community;
    }

    /**
     * The community with its counters, for the lists inside a community; without the event ids its
     * document remembers (every question asked in it changes the document, and a read never needs them).
     */
    public Optional<CommunityView> find(String id) {
        return Optional.ofNullable(AppliedEvents.findOneWithoutEventIds(mongo, query(where("_id").is(id)), CommunityDocument.class,
                        CommunityDocument.COLLECTION))
                .map(CommunityDocument::view);
    }

    public static QueryRejectedException unknown(String id) {
        return QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community with id " + id + ".");
    }
}
