package dev.praxis.query.tag;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.TagView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tags of communities, for the {@code viewer} (a member id; absent: anonymous): those of a
 * private community only for its current members (404 as an unknown community otherwise).
 */
@RestController
public class TagQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;

    public TagQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities, ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    /** A community's tags, newest first; 404 for an unknown community. */
    @GetMapping("/communities/{communityId}/tags")
    public Page<TagView> tagsOf(@PathVariable String communityId,
                                @RequestParam(required = false) Integer first,
                                @RequestParam(required = false) String after,
                                @RequestParam(required = false) String viewer,
                                @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(communityId, viewer);
        Criteria filter = where("communityId").is(communityId);
        long total = mongo.count(query(filter), TagDocument.COLLECTION);
        return Pages.newestFirst(mongo, TagDocument.class, TagDocument.COLLECTION, filter, first, after, total,
                TagDocument::createdAt, TagDocument::id, TagDocument::view);
    }

    /** A tag by community and name; a synonym's name answers its master tag. */
    @GetMapping("/tags")
    public TagView tag(@RequestParam String communityId, @RequestParam String name,
                       @RequestParam(required = false) String viewer,
                       @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(communityId, viewer);
        List<TagDocument> found = mongo.find(query(where("communityId").is(communityId)
                .orOperator(where("name").is(name), where("synonyms").is(name))), TagDocument.class, TagDocument.COLLECTION);
        return found.stream()
                .filter(tag -> name.equals(tag.name()))
                .findFirst()
                .or(() -> found.stream().findFirst())
                .map(TagDocument::view)
                .orElseThrow(() -> QueryRejectedException.notFound("UNKNOWN_TAG",
                        "There is no tag '" + name + "' in community " + communityId + "."));
    }

    /** Tags by id ({@code communityId + "/" + name}); unknown ids and unreadable tags are left out. */
    @PostMapping("/tags/batch")
    public List<TagView> tags(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                              @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("_id").in(Pages.checkedIds(batch)), "communityId", viewer)),
                        TagDocument.class, TagDocument.COLLECTION)
                .stream().map(TagDocument::view).toList();
    }
}
