package dev.praxis.query.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.query.NotificationView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A member's notifications, newest first: one range read on (recipient, position), at most one
 * beyond the page, whatever the number of notifications. Retracted ones and those of private
 * communities the member no longer reads are left out. The cursor is the position and id of the
 * last notification seen, so new notifications never shift a page.
 */
@Component
public class NotificationPages {

    private final MongoTemplate mongo;
    private final ReadAccess access;

    public NotificationPages(MongoTemplate mongo, ReadAccess access) {
        this.mongo = mongo;
        this.access = access;
    }

    public Page<NotificationView> read(String memberId, Integer first, String after, boolean unreadOnly) {
        int size = Pages.checkedPageSize(first);
        Criteria filter = where("recipientId").is(memberId).and("retracted").is(false);
        if (unreadOnly) {
            filter = filter.and("read").is(false);
        }
        filter = access.readable(filter, "communityId", memberId);
        if (after != null && !after.isBlank()) {
            Object[] cursor = decode(after);
            filter = new Criteria().andOperator(filter, new Criteria().orOperator(
                    where("position").lt(cursor[0]),
                    new Criteria().andOperator(where("position").is(cursor[0]), where("_id").lt(cursor[1]))));
        }
        List<Document> found = mongo.find(Query.query(filter)
                .with(Sort.by(Sort.Order.desc("position"), Sort.Order.desc("_id"))).limit(size + 1),
                Document.class, Notifications.NOTIFICATIONS);
        boolean hasNext = found.size() > size;
        List<NotificationView> items = (hasNext ? found.subList(0, size) : found).stream()
                .map(NotificationPages::view).toList();
        return new Page<>(items, items.isEmpty() ? null : items.get(items.size() - 1).cursor(), hasNext, -1);
    }

    private static NotificationView view(Document n) {
        long position = n.get("position", Number.class).longValue();
        String id = n.getString("_id");
        return new NotificationView(id, n.getString("recipientId"), n.getString("type"), n.getString("communityId"),
                n.getString("questionId"), n.getString("postId"), n.getString("actorId"), n.getString("detail"),
                n.getBoolean("read", false), n.getDate("occurredAt") == null ? null : n.getDate("occurredAt").toInstant(),
                position, encode(position, id));
    }

    private static String encode(long position, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("N\n" + position + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || !parts[0].equals("N") || parts[2].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return new Object[] {Long.parseLong(parts[1]), parts[2]};
        } catch (RuntimeException e) {
            throw QueryRejectedException.invalid("INVALID_CURSOR", "The cursor is not one this list gave out.");
        }
    }
}
