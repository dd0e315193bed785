package dev.praxis.query.changes;

import dev.praxis.query.shared.Exists;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ChangeView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** {@code community:<communityId>}: new questions and answers in a community, for those who may read it. */
@Component
class CommunityChanges implements ChangeSource {

    private final MongoTemplate mongo;
    private final ReadAccess access;
    private final ChangeLog log;

    CommunityChanges(MongoTemplate mongo, ReadAccess access, ChangeLog log) {
        this.mongo = mongo;
        this.access = access;
        this.log = log;
    }

    @Override
    public String type() {
        return Topics.COMMUNITY;
    }

    @Override
    public String processingGroup() {
        return ChangeProjection.PROCESSING_GROUP;
    }

    @Override
    public void authorize(String communityId, @Nullable String viewer) {
        if (!Exists.any(mongo, query(where("_id").is(communityId)), "communities")) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community " + communityId + ".");
        }
        requireReadable(access, communityId, viewer);
    }

    @Override
    public List<ChangeView> changes(String communityId, long after, long upTo, int limit) {
        return log.changes(Topics.community(communityId), after, upTo, limit);
    }

    /** A private community's changes go to its current members only (not the banned, not those who left). */
    static void requireReadable(ReadAccess access, String communityId, @Nullable String viewer) {
        if (!access.canRead(communityId, viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "COMMUNITY_NOT_READABLE",
                    "Only current members may follow what happens in this private community.");
        }
    }
}
