package dev.praxis.query.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
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

@RestController
public class MemberQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;

    public MemberQueries(MongoTemplate mongo, ReadConsistency consistency) {
        this.mongo = mongo;
        this.consistency = consistency;
    }

    @GetMapping("/members/{id}")
    public MemberView member(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        MemberDocument member = mongo.findById(id, MemberDocument.class, MemberDocument.COLLECTION);
        if (member == null) {
            throw QueryRejectedException.notFound("UNKNOWN_MEMBER", "There is no member with id " + id + ".");
        }
        return member.view();
    }

    @PostMapping("/members/batch")
    public List<MemberView> members(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(where("_id").in(Pages.checkedIds(batch))), MemberDocument.class,
                MemberDocument.COLLECTION).stream().map(MemberDocument::view).toList();
    }
}
