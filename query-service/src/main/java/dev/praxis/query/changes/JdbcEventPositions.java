package dev.praxis.query.changes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads an event's global index from the event store (the unique index on {@code event_identifier}). */
@Component
class JdbcEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    JdbcEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long of(String eventIdentifier) {
        Long position = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventIdentifier);
        if (position == null) {
            throw new IllegalStateException("The event " + eventIdentifier + " is not in the event store");
        }
        return position;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY (?)",
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                }, (Object) eventIdentifiers.toArray(String[]::new));
        for (String id : eventIdentifiers) {
            if (!positions.containsKey(id)) {
                throw new IllegalStateException("The event " + id + " is not in the event store");
            }
        }
        return positions;
    }
}
