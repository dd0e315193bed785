package dev.praxis.query.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.reputation.ReputationTotals;
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

@RestController
public class MemberQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReputationTotals reputation;

    public MemberQueries(MongoTemplate mongo, ReadConsistency consistency, ReputationTotals reputation) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.reputation = reputation;
    }

    @GetMapping("/members/{id}")
    public MemberView member(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        MemberDocument member = mongo.findById(id, MemberDocument.class, MemberDocument.COLLECTION);
        if (member == null) {
            throw QueryRejectedException.notFound("UNKNOWN_MEMBER", "There is no member with id " + id + ".");
        }
        return member.view(reputation.ofMembers(List.of(id)).getOrDefault(id, java.util.Map.of()));
    }

    @PostMapping("/members/batch")
    public List<MemberView> members(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        List<MemberDocument> members = mongo.find(query(where("_id").in(Pages.checkedIds(batch))), MemberDocument.class,
                MemberDocument.COLLECTION);
        var reputations = reputation.ofMembers(members.stream().map(MemberDocument::id).toList());
        return members.stream().map(m -> m.view(reputations.getOrDefault(m.id(), java.util.Map.of()))).toList();
    }
}
