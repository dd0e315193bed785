package dev.praxis.gateway.subscription;

import dev.praxis.api.query.ChangePage;
import dev.praxis.gateway.client.QueryServiceClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads the query service's change feed, {@code GET /changes}: one long poll per call. */
@Component
class ChangeFeedClient {

    private final RestClient rest;

    ChangeFeedClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    /**
     * The topic's changes after the position (null: from now on), as the viewer (null: anonymous)
     * may see them, waiting up to {@code wait} for the first one.
     */
    ChangePage changes(String topic, @Nullable Long after, @Nullable String viewer, Duration wait) {
        return rest.get()
                .uri(uri -> {
                    Map<String, Object> variables = new HashMap<>();
                    // as URI variables, ids and topics are encoded strictly
                    uri.path("/changes").queryParam("topic", "{topic}").queryParam("waitMs", wait.toMillis());
                    variables.put("topic", topic);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    if (viewer != null) {
                        uri.queryParam("viewer", "{viewer}");
                        variables.put("viewer", viewer);
                    }
                    return uri.build(variables);
                })
                .retrieve()
                .body(ChangePage.class);
    }
}
