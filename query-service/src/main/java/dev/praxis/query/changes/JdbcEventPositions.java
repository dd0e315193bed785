package dev.praxis.query.changes;

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
}
