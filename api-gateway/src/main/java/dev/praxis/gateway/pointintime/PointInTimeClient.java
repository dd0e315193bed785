package dev.praxis.gateway.pointintime;

import dev.praxis.api.query.QuestionAsOfView;
import dev.praxis.gateway.client.DownstreamException;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.client.Viewer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The point-in-time reads of the query service ({@code /pointintime/...}). They read the event
 * store up to the moment, so they take no minimum position; each names the viewer, whose access
 * is judged as for the present.
 */
@Component
public class PointInTimeClient {

    private final RestClient rest;

    PointInTimeClient(QueryServiceClient queries) {
        this.rest = queries.rest();
    }

    /** The question and its answers as of the instant; empty when it did not exist then or the viewer may not read it. */
    public Optional<QuestionAsOfView> question(String id, Instant asOf, Viewer viewer) {
        return findOne(() -> rest.get().uri(uri -> QueryServiceClient.withViewer(
                        uri.path("/pointintime/questions/{id}").queryParam("asOf", "{asOf}"), viewer,
                        Map.of("id", id, "asOf", asOf.toString())))
                .retrieve().body(QuestionAsOfView.class));
    }

    static <T> Optional<T> findOne(Supplier<T> lookup) {
        try {
            return Optional.ofNullable(lookup.get());
        } catch (DownstreamException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
