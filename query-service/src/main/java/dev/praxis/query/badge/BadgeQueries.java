package dev.praxis.query.badge;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.BadgeView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members' badges, newest first; a private community's badges only for its members. */
@RestController
public class BadgeQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReadAccess access;

    public BadgeQueries(MongoTemplate mongo, ReadConsistency consistency, ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.access = access;
    }

    @PostMapping("/badges/batch")
    public List<BadgeView> badges(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                  @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        Criteria filter = access.readable(where("memberId").in(Pages.checkedIds(batch)), "communityId", viewer);
        return mongo.find(Query.query(filter).with(Sort.by(Sort.Order.desc("awardedAt"), Sort.Order.asc("_id"))),
                Document.class, BadgeProjection.BADGES).stream().map(BadgeQueries::view).toList();
    }

    static BadgeView view(Document d) {
        return new BadgeView(d.getString("_id"), d.getString("communityId"), d.getString("memberId"), d.getString("badge"),
                d.getString("rank"), d.getString("tag"), d.getString("postId"), d.getDate("awardedAt").toInstant(),
                d.getString("eventId"));
    }
}
