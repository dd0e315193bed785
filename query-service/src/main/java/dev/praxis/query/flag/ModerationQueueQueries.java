package dev.praxis.query.flag;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.ModerationItemView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.PageCursor;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's moderation queue: the posts with open flags, the longest waiting first. Only the
 * community's moderators and owner may see it (the {@code viewer}, a member id): anyone else who may
 * read the community gets 403 {@code NOT_A_MODERATOR}, anyone who may not 404 as for an unknown one.
 */
@RestController
public class ModerationQueueQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;

    public ModerationQueueQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities,
                                  ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    @GetMapping("/communities/{communityId}/moderation-queue")
    public Page<ModerationItemView> queue(@PathVariable String communityId,
                                          @RequestParam(required = false) Integer first,
                                          @RequestParam(required = false) String after,
                                          @RequestParam(required = false) String viewer,
                                          @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        communities.readable(communityId, viewer);
        if (!access.moderates(communityId, viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "NOT_A_MODERATOR",
                    "Only the community's moderators can see its moderation queue.");
        }
        int size = Pages.checkedPageSize(first);
        Criteria open = where("communityId").is(communityId).and("open").is(true);
        long total = mongo.count(Query.query(open), ModerationQueueDocument.COLLECTION);
        Criteria criteria = open;
        if (after != null && !after.isBlank()) {
            PageCursor cursor = PageCursor.decode(after);
            criteria = new Criteria().andOperator(open, new Criteria().orOperator(
                    where("firstFlaggedAt").gt(cursor.createdAt()),
                    new Criteria().andOperator(where("firstFlaggedAt").is(cursor.createdAt()), where("_id").gt(cursor.id()))));
        }
        List<ModerationQueueDocument> documents = mongo.find(Query.query(criteria)
                        .with(Sort.by(Sort.Order.asc("firstFlaggedAt"), Sort.Order.asc("_id")))
                        .limit(size + 1),
                ModerationQueueDocument.class, ModerationQueueDocument.COLLECTION);
        boolean hasNext = documents.size() > size;
        List<ModerationQueueDocument> page = hasNext ? documents.subList(0, size) : documents;
        String endCursor = page.isEmpty() ? null : new PageCursor(page.get(page.size() - 1).firstFlaggedAt(),
                page.get(page.size() - 1).id()).encode();
        return new Page<>(page.stream().map(ModerationQueueDocument::view).toList(), endCursor, hasNext, total);
    }
}
