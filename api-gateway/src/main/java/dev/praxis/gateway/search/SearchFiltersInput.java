package dev.praxis.gateway.search;

import java.time.Instant;
import java.util.List;

/** The {@code SearchFilters} input: ids are global ids, decoded before they go to the query service. */
record SearchFiltersInput(String community, List<String> tags, String author, Instant from, Instant to,
                          Boolean answered, Integer minScore, Integer maxScore, List<String> types) {
}
