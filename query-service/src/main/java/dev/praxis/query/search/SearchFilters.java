package dev.praxis.query.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Filters given beside the query text; they combine with the query's own operators (both must hold). */
public record SearchFilters(String communityId, List<String> tags, String authorId, Instant from, Instant to,
                            Boolean answered, Integer minScore, Integer maxScore, Set<PostType> types) {

    public static SearchFilters none() {
        return new SearchFilters(null, List.of(), null, null, null, null, null, null, Set.of());
    }
}
