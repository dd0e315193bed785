package dev.praxis.query.community;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.query.consistency.ReadConsistency;
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

@RestController
public class CommunityQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;

    public CommunityQueries(MongoTemplate mongo, ReadConsistency consistency) {
        this.mongo = mongo;
        this.consistency = consistency;
    }

    @GetMapping("/communities/{id}")
    public CommunityView community(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return find(id).orElseThrow(() -> unknown(id));
    }

    @GetMapping("/communities")
    public Page<CommunityView> communities(@RequestParam(required = false) Integer first,
                                           @RequestParam(required = false) String after,
                                           @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        long total = mongo.count(new Query(), CommunityDocument.COLLECTION);
        return Pages.newestFirst(mongo, CommunityDocument.class, CommunityDocument.COLLECTION, new Criteria(),
                first, after, total, CommunityDocument::createdAt, CommunityDocument::id, CommunityDocument::view);
    }

    @PostMapping("/communities/batch")
    public List<CommunityView> batch(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("_id").in(Pages.checkedIds(batch))), CommunityDocument.class,
                CommunityDocument.COLLECTION).stream().map(CommunityDocument::view).toList();
    }

    /** The community with its counters, for the lists inside a community. */
    public Optional<CommunityView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CommunityDocument.class, CommunityDocument.COLLECTION))
                .map(CommunityDocument::view);
    }

    public static QueryRejectedException unknown(String id) {
        return QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community with id " + id + ".");
    }
}
