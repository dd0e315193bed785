package dev.praxis.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.fasterxml.jackson.databind.JsonNode;
import dev.praxis.api.bounty.BountyIds;
import dev.praxis.api.flag.FlagIds;
import dev.praxis.api.notification.NotificationInboxIds;
import dev.praxis.api.query.HistoryEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.privacy.RevealedPayloads;
import dev.praxis.query.access.ViewerRole;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /history}: events read straight from the event store (read only), oldest first, a page
 * after a cursor that is a global position; filtered by post, member, community, time range and type
 * (all given filters apply together).
 *
 * <p>Who reads what:
 * <ul>
 *   <li>an auditor ({@code viewerRole=auditor}) reads everything, metadata included, and alone may ask
 *       for history without naming a post, member or community (a time range, or everything);</li>
 *   <li>anyone else reads the history of a post or a community they may read (404 as for an unknown
 *       one otherwise), and a member's history only where it names a community they may read, plus,
 *       for their own history, their events that name none (profile, follows, notifications read).
 *       Metadata (correlation and trace ids) is left out for them, and members' personal texts stay the
 *       ciphertext envelopes they are stored as (a sanction's reason is not for every reader); an
 *       auditor reads them opened, or {@code [erased]} (docs/privacy.md).</li>
 * </ul>
 * The filters use the expression indexes of V91__history_indexes.sql; a post's history is the streams
 * of its aggregate, its bounty and its flags (for an answer: its events in its question's stream).
 */
@RestController
public class HistoryQueries {

    private static final String COMMUNITY = "(payload::jsonb ->> 'communityId')";
    private static final String ACTOR = "(payload::jsonb ->> 'actorId')";
    private static final String MEMBER = "(payload::jsonb ->> 'memberId')";

    private final NamedParameterJdbcTemplate jdbc;
    private final MongoTemplate mongo;
    private final ReadAccess access;
    private final ReadConsistency consistency;
    private final RevealedPayloads personalData;

    public HistoryQueries(NamedParameterJdbcTemplate jdbc, MongoTemplate mongo, ReadAccess access,
                          ReadConsistency consistency, RevealedPayloads personalData) {
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.mongo = mongo;
        this.access = access;
        this.consistency = consistency;
    }

    @GetMapping("/history")
    public Page<HistoryEntryView> history(@RequestParam(required = false) String post,
                                          @RequestParam(required = false) String member,
                                          @RequestParam(required = false) String community,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) List<String> types,
                                          @RequestParam(required = false) Integer first,
                                          @RequestParam(required = false) String after,
                                          @RequestParam(required = false) String viewer,
                                          @RequestParam(required = false) Long minPosition) {
        int size = Pages.checkedPageSize(first);
        Instant fromTime = instant(from, "from");
        Instant toTime = instant(to, "to");
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw QueryRejectedException.invalid("INVALID_TIME_RANGE", "The time range ends before it starts.");
        }
        Long cursor = cursor(after);
        consistency.awaitPosition(minPosition);
        boolean auditor = ViewerRole.isAuditor();
        if (!auditor && isBlank(post) && isBlank(member) && isBlank(community)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "AUDITORS_ONLY", "The history of everything is for "
                    + "auditors: name a post, a member or a community whose history you want.");
        }
        List<String> where = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (!isBlank(community)) {
            if (!access.canRead(community, viewer)) {
                throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community with id " + community + ".");
            }
            where.add(COMMUNITY + " = :community");
            parameters.addValue("community", community);
        }
        if (!isBlank(post)) {
            where.add(postFilter(post, viewer, parameters));
        }
        if (!isBlank(member)) {
            where.add("(" + ACTOR + " = :member OR " + MEMBER + " = :member OR aggregate_identifier = :inbox)");
            parameters.addValue("member", member);
            parameters.addValue("inbox", NotificationInboxIds.forMember(member));
            if (!auditor) {
                Set<String> unreadable = access.unreadablePrivateCommunities(viewer);
                boolean self = member.equals(viewer);
                String readable = unreadable.isEmpty() ? COMMUNITY + " IS NOT NULL"
                        : "(" + COMMUNITY + " IS NOT NULL AND " + COMMUNITY + " NOT IN (:unreadable))";
                parameters.addValue("unreadable", List.copyOf(unreadable));
                where.add(self ? "(" + readable + " OR " + COMMUNITY + " IS NULL)" : readable);
            }
        }
        if (fromTime != null) {
            where.add("praxis_event_time(time_stamp) >= :fromTime");
            parameters.addValue("fromTime", fromTime.atOffset(ZoneOffset.UTC));
        }
        if (toTime != null) {
            where.add("praxis_event_time(time_stamp) < :toTime");
            parameters.addValue("toTime", toTime.atOffset(ZoneOffset.UTC));
        }
        List<String> typeNames = types == null ? List.of() : types.stream()
                .flatMap(t -> Arrays.stream(t.split(","))).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (!typeNames.isEmpty()) {
            where.add("(payload_type IN (:types) OR substring(payload_type from '[^.]+$') IN (:types))");
            parameters.addValue("types", typeNames);
        }
        String filter = where.isEmpty() ? "TRUE" : String.join(" AND ", where);
        long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE " + filter, parameters, Long.class);
        if (cursor != null) {
            parameters.addValue("after", cursor);
        }
        parameters.addValue("limit", size + 1);
        List<HistoryEntryView> entries = jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, payload_type, time_stamp, payload, meta_data FROM domain_event_entry WHERE "
                        + filter + (cursor == null ? "" : " AND global_index > :after")
                        + " ORDER BY global_index LIMIT :limit", parameters,
                (rs, row) -> entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), auditor ? personalData.reveal(rs.getString(7)) : rs.getString(7),
                        auditor ? rs.getString(8) : null));
        boolean hasNext = entries.size() > size;
        List<HistoryEntryView> page = hasNext ? entries.subList(0, size) : entries;
        String endCursor = page.isEmpty() ? null : Long.toString(page.get(page.size() - 1).position());
        return new Page<>(page, endCursor, hasNext, total);
    }

    /** The events of a post: its streams, judged by its community; 404 for one the viewer may not read. */
    private String postFilter(String post, @Nullable String viewer, MapSqlParameterSource parameters) {
        parameters.addValue("post", post);
        parameters.addValue("postFlags", FlagIds.forPost(post));
        Document question = byId("questions", post);
        Document answer = question == null ? byId("answers", post) : null;
        Document article = question == null && answer == null ? byId("articles", post) : null;
        Document found = question != null ? question : answer != null ? answer : article;
        if (found == null || !access.canRead(found.getString("communityId"), viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_POST", "There is no post with id " + post + ".");
        }
        if (question != null) {
            parameters.addValue("postBounty", BountyIds.forQuestion(post));
            return "aggregate_identifier IN (:post, :postBounty, :postFlags)";
        }
        if (answer != null) {
            parameters.addValue("postQuestion", answer.getString("questionId"));
            return "(aggregate_identifier = :postFlags OR (aggregate_identifier = :postQuestion AND "
                    + "((payload::jsonb ->> 'answerId') = :post OR (payload::jsonb ->> 'postId') = :post)))";
        }
        return "aggregate_identifier IN (:post, :postFlags)";
    }

    private Document byId(String collection, String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include("communityId").include("questionId");
        return mongo.findOne(query, Document.class, collection);
    }

    private static HistoryEntryView entry(long position, String eventId, String aggregateId, long sequence, String type,
                                          String timeStamp, String payload, String metadata) {
        Instant time = parseStored(timeStamp);
        JsonNode parsed = HistorySummaries.parse(payload);
        return new HistoryEntryView(position, eventId, aggregateId, sequence, type, time,
                parsed == null ? null : HistorySummaries.textOf(parsed, "actorId"),
                parsed == null ? null : HistorySummaries.textOf(parsed, "communityId"),
                HistorySummaries.summary(type, time, parsed), payload, metadata);
    }

    private static Instant parseStored(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(timeStamp).toInstant();
        }
    }

    private static Instant instant(String text, String name) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw QueryRejectedException.invalid("INVALID_TIME", name + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }

    private static Long cursor(String after) {
        if (isBlank(after)) {
            return null;
        }
        try {
            long position = Long.parseLong(after);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw QueryRejectedException.invalid("INVALID_CURSOR", "The cursor is not one this API gave out.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
