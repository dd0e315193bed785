package dev.praxis.query.reputation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Members' reputation per community, for other read paths (members, privileges) to join in one store call. */
@Component
public class ReputationTotals {

    private final MongoTemplate mongo;

    public ReputationTotals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code memberId -> communityId -> reputation}, for the communities where the member's reputation changed. */
    public Map<String, Map<String, Integer>> ofMembers(Collection<String> memberIds) {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        mongo.find(query(where("memberId").in(memberIds).and("total").ne(null)), Document.class, ReputationCollections.TOTALS)
                .forEach(d -> result.computeIfAbsent(d.getString("memberId"), m -> new HashMap<>())
                        .put(d.getString("communityId"), d.getInteger("total")));
        return result;
    }

    /** The member's reputation in the community: 1 before anything changed it. */
    public int of(String communityId, String memberId) {
        Document total = mongo.findById(ReputationCollections.key(communityId, memberId), Document.class,
                ReputationCollections.TOTALS);
        return total == null || total.get("total") == null ? dev.praxis.api.reputation.ReputationRules.BASE
                : total.getInteger("total");
    }
}
