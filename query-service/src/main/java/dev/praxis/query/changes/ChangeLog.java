package dev.praxis.query.changes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ChangeView;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads the {@code changes} collection that {@link ChangeProjection} writes, one topic at a time, in order. */
@Component
class ChangeLog {

    private final MongoTemplate mongo;

    ChangeLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<ChangeView> changes(String topic, long after, long upTo, int limit) {
        return mongo.find(query(where("topics").is(topic).and("_id").gt(after).lte(upTo))
                        .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit),
                ChangeDocument.class, ChangeDocument.COLLECTION).stream().map(ChangeDocument::view).toList();
    }
}
