package dev.praxis.gateway.audit;

import dev.praxis.api.query.HistoryEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.CommandServiceClient;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.client.Viewer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The audit reads: history from the query service ({@code GET /history}), verification and export
 * from the command service ({@code GET /audit/verify}, {@code GET /audit/export}), which reads the
 * event store itself. Every value travels as a URI variable, strictly encoded.
 */
@Component
class AuditClient {

    private static final ParameterizedTypeReference<Page<HistoryEntryView>> HISTORY_PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient queries;
    private final RestClient commands;

    AuditClient(QueryServiceClient queries, CommandServiceClient commands) {
        this.queries = queries.rest();
        this.commands = commands.rest();
    }

    /** What to read of the history. */
    record HistoryFilter(String post, String member, String community, Instant from, Instant to, List<String> types) {
    }

    Page<HistoryEntryView> history(HistoryFilter filter, int first, String after, Viewer viewer, MinPosition min) {
        return queries.get().uri(uri -> {
            Map<String, Object> values = new HashMap<>();
            param(uri, values, "post", filter.post());
            param(uri, values, "member", filter.member());
            param(uri, values, "community", filter.community());
            param(uri, values, "from", filter.from() == null ? null : filter.from().toString());
            param(uri, values, "to", filter.to() == null ? null : filter.to().toString());
            if (filter.types() != null && !filter.types().isEmpty()) {
                param(uri, values, "types", String.join(",", filter.types()));
            }
            param(uri, values, "first", Integer.toString(first));
            param(uri, values, "after", after);
            param(uri, values, "viewer", viewer.id());
            if (viewer.auditor()) {
                param(uri, values, Viewer.ROLE_PARAMETER, Viewer.AUDITOR_ROLE);
            }
            if (min.isSet()) {
                param(uri, values, "minPosition", Long.toString(min.value()));
            }
            return uri.path("/history").build(values);
        }).retrieve().body(HISTORY_PAGE);
    }

    ChainVerificationView verify(Long from, Long to) {
        return commands.get().uri(uri -> {
            Map<String, Object> values = new HashMap<>();
            param(uri, values, "from", from == null ? null : from.toString());
            param(uri, values, "to", to == null ? null : to.toString());
            return uri.path("/audit/verify").build(values);
        }).retrieve().body(ChainVerificationView.class);
    }

    /**
     * Opens the export stream; the caller must close the response. Its status and body are the command
     * service's own: this read bypasses the error handler, so that an error body can be passed on.
     */
    ClientHttpResponse openExport(Map<String, String> parameters) {
        return commands.get().uri(uri -> {
            Map<String, Object> values = new HashMap<>();
            parameters.forEach((name, value) -> param(uri, values, name, value));
            return uri.path("/audit/export").build(values);
        }).exchange((request, response) -> response, false);
    }

    private static void param(UriBuilder uri, Map<String, Object> values, String name, String value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
