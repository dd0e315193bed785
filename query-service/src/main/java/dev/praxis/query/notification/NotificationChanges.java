package dev.praxis.query.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ChangeView;
import dev.praxis.query.changes.ChangeSource;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code notification:<memberId>}: the member's notifications as they arrive, for the member only.
 * A notification renewed by a later event (an answer accepted again) arrives again at the renewal's
 * position; one whose cause was taken back is not sent.
 */
@Component
class NotificationChanges implements ChangeSource {

    private final MongoTemplate mongo;

    NotificationChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String type() {
        return "notification";
    }

    @Override
    public String processingGroup() {
        return "notifications";
    }

    @Override
    public void authorize(String memberId, @Nullable String viewer) {
        if (viewer == null || !viewer.equals(memberId)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "NOT_YOUR_NOTIFICATIONS",
                    "Only the member may follow their own notifications.");
        }
    }

    @Override
    public List<ChangeView> changes(String memberId, long after, long upTo, int limit) {
        return mongo.find(query(where("recipientId").is(memberId).and("retracted").ne(true)
                                .and("position").gt(after).lte(upTo))
                        .with(Sort.by("position")).limit(limit), Document.class, Notifications.NOTIFICATIONS)
                .stream()
                .map(n -> new ChangeView(n.get("position", Number.class).longValue(), n.getString("type"),
                        n.getString("communityId"), n.getString("questionId"), n.getString("_id"), n.getString("actorId"),
                        n.getDate("occurredAt") == null ? null : n.getDate("occurredAt").toInstant()))
                .toList();
    }
}
