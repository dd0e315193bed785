package dev.praxis.gateway.feed;

import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The query service's feed reads: a community's feed, a member's activity, the viewer's home feed. */
@Component
class FeedClient {

    private static final ParameterizedTypeReference<Page<FeedItemView>> FEED_PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    FeedClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    Page<FeedItemView> communityFeed(String communityId, String order, String tag, int first, String after, String viewer,
                                     MinPosition min) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", communityId, "order", order));
        return rest.get()
                .uri(uri -> {
                    uri.path("/communities/{id}/feed").queryParam("order", "{order}");
                    if (tag != null) {
                        uri.queryParam("tag", "{tag}");
                        variables.put("tag", tag);
                    }
                    return page(uri, first, after, viewer, min, variables);
                })
                .retrieve()
                .body(FEED_PAGE);
    }

    Page<FeedItemView> activity(String memberId, int first, String after, String viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/members/{id}/activity"), first, after, viewer, min,
                        new HashMap<>(Map.of("id", memberId))))
                .retrieve()
                .body(FEED_PAGE);
    }

    Page<FeedItemView> homeFeed(String memberId, int first, String after, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/members/{id}/home-feed"), first, after, memberId, min,
                        new HashMap<>(Map.of("id", memberId))))
                .retrieve()
                .body(FEED_PAGE);
    }

    /** Paging, viewer and read-your-writes parameters; opaque values travel as URI variables, strictly encoded. */
    static URI page(UriBuilder uri, int first, String after, String viewer, MinPosition min, Map<String, Object> variables) {
        uri.queryParam("first", first);
        if (after != null) {
            uri.queryParam("after", "{after}");
            variables.put("after", after);
        }
        if (viewer != null) {
            uri.queryParam("viewer", "{viewer}");
            variables.put("viewer", viewer);
        }
        if (min.isSet()) {
            uri.queryParam("minPosition", min.value());
        }
        return uri.build(variables);
    }
}
