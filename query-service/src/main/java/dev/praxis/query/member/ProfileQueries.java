package dev.praxis.query.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.ProfileView;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles: a member who never set one (or follows nothing) has an empty profile, never a 404. */
@RestController
public class ProfileQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;

    public ProfileQueries(MongoTemplate mongo, ReadConsistency consistency) {
        this.mongo = mongo;
        this.consistency = consistency;
    }

    @GetMapping("/members/{id}/profile")
    public ProfileView profile(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        ProfileDocument profile = mongo.findById(id, ProfileDocument.class, ProfileDocument.COLLECTION);
        return profile == null ? ProfileDocument.empty(id) : profile.view();
    }

    /** One profile per distinct id asked for, in the order asked. */
    @PostMapping("/profiles/batch")
    public List<ProfileView> profiles(@RequestBody IdBatch batch, @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        List<String> ids = Pages.checkedIds(batch);
        Map<String, ProfileDocument> found = mongo.find(query(where("_id").in(ids)), ProfileDocument.class,
                ProfileDocument.COLLECTION).stream().collect(Collectors.toMap(ProfileDocument::id, Function.identity()));
        return ids.stream().distinct()
                .map(id -> found.containsKey(id) ? found.get(id).view() : ProfileDocument.empty(id))
                .toList();
    }
}
