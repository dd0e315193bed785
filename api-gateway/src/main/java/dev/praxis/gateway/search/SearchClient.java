package dev.praxis.gateway.search;

import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The search reads of the query service ({@code /search...}), for a viewer, on the shared HTTP client. */
@Component
class SearchClient {

    private static final ParameterizedTypeReference<Page<SearchHit>> HIT_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<SearchHit>> HITS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<MemberHit>> MEMBER_PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    SearchClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    /** Filters with raw ids. */
    record Filters(String community, List<String> tags, String author, Instant from, Instant to, Boolean answered,
                   Integer minScore, Integer maxScore, List<String> types) {
    }

    Page<SearchHit> search(String query, Filters f, String sort, int first, String after, String viewer, MinPosition min) {
        Params p = new Params().add("q", query).add("first", first).add("community", f.community())
                .add("author", f.author()).add("from", f.from()).add("to", f.to()).add("answered", f.answered())
                .add("minScore", f.minScore()).add("maxScore", f.maxScore()).add("sort", sort).add("after", after)
                .add("viewer", viewer).add("minPosition", min.isSet() ? min.value() : null);
        (f.tags() == null ? List.<String>of() : f.tags()).forEach(tag -> p.add("tag", tag));
        (f.types() == null ? List.<String>of() : f.types()).forEach(type -> p.add("type", type));
        return rest.get().uri(uri -> p.build(uri.path("/search"))).retrieve().body(HIT_PAGE);
    }

    List<SearchHit> similarQuestions(String title, String body, String community, int first, String viewer, MinPosition min) {
        Params p = new Params().add("first", first).add("viewer", viewer).add("minPosition", min.isSet() ? min.value() : null);
        Map<String, String> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("body", body);
        draft.put("communityId", community);
        List<SearchHit> hits = rest.post().uri(uri -> p.build(uri.path("/search/similar-questions")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(draft)
                .retrieve().body(HITS);
        return hits == null ? List.of() : hits;
    }

    Page<MemberHit> members(boolean byExpertise, String query, String community, int first, String after, String viewer,
                            MinPosition min) {
        Params p = new Params().add("q", query).add("first", first).add("community", community).add("after", after)
                .add("viewer", viewer).add("minPosition", min.isSet() ? min.value() : null);
        return rest.get().uri(uri -> p.build(uri.path(byExpertise ? "/search/experts" : "/search/members")))
                .retrieve().body(MEMBER_PAGE);
    }

    /**
     * Query parameters whose values travel as URI variables, so that any character of user input
     * ({@code &}, {@code +}, {@code {}) is encoded rather than read as URI syntax.
     */
    private static final class Params {
        private final List<String[]> names = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();

        Params add(String name, Object value) {
            if (value != null) {
                String variable = "p" + values.size();
                names.add(new String[] {name, variable});
                values.put(variable, value.toString());
            }
            return this;
        }

        URI build(UriBuilder uri) {
            names.forEach(n -> uri.queryParam(n[0], "{" + n[1] + "}"));
            return uri.build(values);
        }
    }
}
