package dev.praxis.command.eventstore;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads global positions back from the event store: the engine does not return the index it assigned. */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The global index of the newest event of the given aggregates, -1 when they have none. Read after
     * the command committed, so it is at least the position of the command's own last event.
     */
    public long lastPositionOf(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return -1;
        }
        Long max = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                Long.class, (Object) aggregateIds.toArray(String[]::new));
        return max == null ? -1 : max;
    }
}
