package dev.praxis.gateway.question;

import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.RevisionView;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The revisions of many posts (questions, answers, articles) with one call to the query service
 * per 500 posts, for the {@code revisions} fields of a whole page: one call per post would make a
 * page of 100 questions cost 100 calls.
 */
@Component
public class RevisionsClient {

    static final int MAX_BATCH_SIZE = 500;

    private static final ParameterizedTypeReference<List<RevisionView>> REVISIONS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    RevisionsClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    /** Each post's revisions, revision 1 first; a post the read side does not know, or the viewer may not read, maps to an empty list. */
    public Map<String, List<RevisionView>> revisionsOfPosts(Collection<String> postIds, Viewer viewer, MinPosition min) {
        List<String> distinct = postIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, List<RevisionView>> byPost = new LinkedHashMap<>();
        distinct.forEach(id -> byPost.put(id, new ArrayList<>()));
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_SIZE) {
            List<String> chunk = distinct.subList(from, Math.min(from + MAX_BATCH_SIZE, distinct.size()));
            List<RevisionView> revisions = rest.post()
                    .uri(uri -> {
                        uri.path("/posts/revisions/batch");
                        if (!viewer.isAnonymous()) {
                            uri.queryParam("viewer", viewer.id());
                        }
                        if (min.isSet()) {
                            uri.queryParam("minPosition", min.value());
                        }
                        return uri.build();
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new IdBatch(chunk))
                    .retrieve()
                    .body(REVISIONS);
            if (revisions != null) {
                revisions.forEach(revision -> byPost.computeIfAbsent(revision.postId(), id -> new ArrayList<>()).add(revision));
            }
        }
        return byPost;
    }
}
