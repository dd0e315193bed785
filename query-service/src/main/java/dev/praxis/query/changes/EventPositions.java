package dev.praxis.query.changes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global position of an event in the event store, by its identifier. A tracking token does not
 * tell it: an event that fills a gap arrives with the token of the highest position seen so far.
 */
@FunctionalInterface
public interface EventPositions {

    long of(String eventIdentifier);

    /** The positions of several events, by identifier: in one read where the store allows. */
    default Map<String, Long> of(Collection<String> eventIdentifiers) {
        Map<String, Long> positions = new LinkedHashMap<>();
        eventIdentifiers.forEach(id -> positions.put(id, of(id)));
        return positions;
    }
}
