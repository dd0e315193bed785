package dev.praxis.query.pointintime;

import dev.praxis.query.shared.QueryRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The event store as the point-in-time reads see it, through the query service's read-only
 * datasource: a moment mapped to a global position, and the events of one or more aggregates up
 * to a position, deserialized by the same serializer the tracking processors use (so that
 * whatever the serializer does to stored payloads, such as decrypting personal data, applies here
 * too).
 *
 * <p>{@code time_stamp} is {@code Instant.toString()} text with a variable number of fractional
 * digits, so it is never compared as text: the command service's migration V98 declares
 * {@code praxis_event_instant(time_stamp)} and an index on it, so that the planner can find a
 * moment's position from either end: backwards along the global index for a recent moment, or
 * through the instants for an early one.
 */
@Component
public class EventHistory {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;

    /** The event serializer, which opens members' personal texts (or reads them as erased) as the processors do. */
    @Autowired
    public EventHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this(jdbc, serializer, Clock.systemUTC());
    }

    public EventHistory(JdbcTemplate jdbc, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    /**
     * The moment a request asks about: an instant ({@code asOf}) or a global position, at most one
     * of them; neither is now. A future instant, a negative position or both at once are refused (400).
     */
    public Moment moment(@Nullable Instant asOf, @Nullable Long position) {
        if (asOf != null && position != null) {
            throw QueryRejectedException.invalid("INVALID_AS_OF", "Name the moment by asOf or by position, not both.");
        }
        if (asOf == null && position == null) {
            Instant now = clock.instant();
            return new Moment(now, positionAt(now));
        }
        if (position != null) {
            if (position < 0) {
                throw QueryRejectedException.invalid("INVALID_AS_OF", "A position is 0 or more.");
            }
            return new Moment(storedAtOf(position), Math.min(position, lastPosition()));
        }
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw QueryRejectedException.invalid("AS_OF_IN_FUTURE",
                    "asOf " + asOf + " is in the future (it is now " + now + "); the record reaches only up to now.");
        }
        return new Moment(asOf, positionAt(asOf));
    }

    /**
     * The position of the last event, in global order, stored at or before the instant; 0 before
     * the first. (Read models apply events in global order, so "what they showed at T" is what they
     * showed after that event. Should a later position carry an earlier time, as events stored with
     * their original times may, the earlier time does not pull the moment back.)
     */
    public long positionAt(Instant instant) {
        Long found = jdbc.queryForObject("""
                SELECT max(global_index) FROM domain_event_entry
                WHERE praxis_event_instant(time_stamp) <= ?::timestamptz""", Long.class, instant.toString());
        return found == null ? 0 : found;
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    private Instant storedAtOf(long position) {
        List<String> found = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index DESC LIMIT 1""",
                String.class, position);
        return found.isEmpty() ? Instant.EPOCH : Instant.parse(found.get(0));
    }

    /** The events of one aggregate stored at or before the position, in their order. */
    public List<HistoricEvent> eventsOf(String aggregateId, long upTo) {
        return jdbc.query("""
                SELECT global_index, event_identifier, aggregate_identifier, time_stamp, payload_type, payload_revision, payload
                FROM domain_event_entry WHERE aggregate_identifier = ? AND global_index <= ?
                ORDER BY sequence_number""", ROW, aggregateId, upTo)
                .stream().map(this::read).filter(e -> e.payload() != null).toList();
    }

    /** The events of several aggregates stored at or before the position, in global order. */
    public List<HistoricEvent> eventsOf(Collection<String> aggregateIds, long upTo) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        List<HistoricEvent> events = new ArrayList<>();
        List<String> ids = List.copyOf(aggregateIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(chunk);
            args.add(upTo);
            jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, time_stamp, payload_type, payload_revision, payload "
                            + "FROM domain_event_entry WHERE aggregate_identifier IN (" + marks + ") AND global_index <= ?",
                    ROW, args.toArray())
                    .stream().map(this::read).filter(e -> e.payload() != null).forEach(events::add);
        }
        events.sort(java.util.Comparator.comparingLong(HistoricEvent::position));
        return events;
    }

    /**
     * The events of the given payload types that name the community ({@code communityId} of the
     * stored payload) stored at or before the position, in global order: a community's reputation
     * inputs, which live in the aggregates of its many posts.
     */
    public List<HistoricEvent> eventsOfCommunity(String communityId, Collection<Class<?>> types, long upTo) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(types.size(), "?"));
        List<Object> args = new ArrayList<>(types.stream().map(Class::getName).toList());
        args.add(upTo);
        args.add(communityId);
        return jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, time_stamp, payload_type, payload_revision, payload "
                        + "FROM domain_event_entry WHERE payload_type IN (" + marks + ") AND global_index <= ? "
                        + "AND payload::jsonb ->> 'communityId' = ? ORDER BY global_index", ROW, args.toArray())
                .stream().map(this::read).filter(e -> e.payload() != null).toList();
    }

    /**
     * Every event that names the community ({@code communityId} of its payload), and every event of
     * the extra types whatever it names, stored at or before the position, in global order: what a
     * projection needs to rebuild one community's read model.
     */
    public List<HistoricEvent> eventsNamingCommunity(String communityId, Collection<Class<?>> extraTypes, long upTo) {
        List<Object> args = new ArrayList<>();
        args.add(upTo);
        args.add(communityId);
        String extra = "";
        if (!extraTypes.isEmpty()) {
            extra = " OR payload_type IN (" + String.join(",", java.util.Collections.nCopies(extraTypes.size(), "?")) + ")";
            extraTypes.forEach(type -> args.add(type.getName()));
        }
        return jdbc.query("SELECT global_index, event_identifier, aggregate_identifier, time_stamp, payload_type, payload_revision, payload "
                        + "FROM domain_event_entry WHERE global_index <= ? AND (payload::jsonb ->> 'communityId' = ?" + extra + ") "
                        + "ORDER BY global_index", ROW, args.toArray())
                .stream().map(this::read).filter(e -> e.payload() != null).toList();
    }

    /** The communities the member joined at or before the position (the community aggregates' joins). */
    public List<String> communitiesJoinedBy(String memberId, long upTo) {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                WHERE payload_type = ? AND global_index <= ? AND payload::jsonb ->> 'memberId' = ?""", String.class,
                dev.praxis.api.community.MemberJoinedCommunity.class.getName(), upTo, memberId);
    }

    private HistoricEvent read(Row row) {
        SerializedObject<String> serialized = new SimpleSerializedObject<>(row.payload(), String.class, row.type(), row.revision());
        Object payload = serializer.deserialize(serialized);
        return new HistoricEvent(row.position(), row.eventId(), row.aggregateId(), Instant.parse(row.storedAt()),
                payload instanceof UnknownSerializedType ? null : payload);
    }

    private static final RowMapper<Row> ROW = (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3),
            row.getString(4), row.getString(5), row.getString(6), row.getString(7));

    private record Row(long position, String eventId, String aggregateId, String storedAt, String type, String revision,
                       String payload) {
    }
}
