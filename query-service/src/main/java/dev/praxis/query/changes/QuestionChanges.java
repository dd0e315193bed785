package dev.praxis.query.changes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ChangeView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** {@code question:<questionId>}: everything that happens in a question's thread, for those who may read its community. */
@Component
class QuestionChanges implements ChangeSource {

    private final MongoTemplate mongo;
    private final ReadAccess access;
    private final ChangeLog log;

    QuestionChanges(MongoTemplate mongo, ReadAccess access, ChangeLog log) {
        this.mongo = mongo;
        this.access = access;
        this.log = log;
    }

    @Override
    public String type() {
        return Topics.QUESTION;
    }

    @Override
    public String processingGroup() {
        return ChangeProjection.PROCESSING_GROUP;
    }

    @Override
    public void authorize(String questionId, @Nullable String viewer) {
        // the questions read model names the question's community
        Document question = mongo.findOne(query(where("_id").is(questionId)), Document.class, "questions");
        if (question == null) {
            throw QueryRejectedException.notFound("UNKNOWN_QUESTION", "There is no question " + questionId + ".");
        }
        CommunityChanges.requireReadable(access, question.getString("communityId"), viewer);
    }

    @Override
    public List<ChangeView> changes(String questionId, long after, long upTo, int limit) {
        return log.changes(Topics.question(questionId), after, upTo, limit);
    }
}
