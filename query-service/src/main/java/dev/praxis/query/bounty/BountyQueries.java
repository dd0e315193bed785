package dev.praxis.query.bounty;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.BountyView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Open bounties on questions. */
@RestController
public class BountyQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;

    public BountyQueries(MongoTemplate mongo, ReadConsistency consistency) {
        this.mongo = mongo;
        this.consistency = consistency;
    }

    /** The open bounty on a question, or 404 {@code NO_OPEN_BOUNTY}. */
    @GetMapping("/questions/{questionId}/bounty")
    public BountyView bountyOf(@PathVariable String questionId, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        BountyDocument bounty = mongo.findOne(query(where("_id").is(questionId).and("open").is(true)),
                BountyDocument.class, BountyDocument.COLLECTION);
        if (bounty == null) {
            throw QueryRejectedException.notFound("NO_OPEN_BOUNTY", "The question " + questionId + " has no open bounty.");
        }
        return bounty.view();
    }

    /** The open bounties of the questions named (by question id); questions without one are left out. */
    @PostMapping("/bounties/batch")
    public List<BountyView> bounties(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("_id").in(Pages.checkedIds(batch)).and("open").is(true)), BountyDocument.class,
                BountyDocument.COLLECTION).stream().map(BountyDocument::view).toList();
    }
}
