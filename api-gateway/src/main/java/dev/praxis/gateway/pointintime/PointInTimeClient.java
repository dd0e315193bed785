package dev.praxis.gateway.pointintime;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.query.AsOfView;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionAsOfView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.gateway.client.DownstreamException;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.client.Viewer;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The point-in-time reads of the query service ({@code /pointintime/...}). They read the event
 * store up to the moment, so they take no minimum position; each names the viewer, whose access
 * is judged as for the present.
 */
@Component
public class PointInTimeClient {

    private static final ParameterizedTypeReference<AsOfView<Page<CommunityMemberView>>> MEMBERS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<AsOfView<ReputationView>> REPUTATION = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<AsOfView<CommunityPrivilegesView>> PRIVILEGES =
            new ParameterizedTypeReference<>() {
            };

    private static final ParameterizedTypeReference<AsOfView<Page<FeedItemView>>> FEED = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<AsOfView<Page<ExpertView>>> EXPERTS = new ParameterizedTypeReference<>() {
    };

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

    /** A community's members as listed at the instant (null: now), newest first; only those of the roles when roles are given. */
    public AsOfView<Page<CommunityMemberView>> members(String communityId, Instant asOf, List<CommunityRole> roles,
                                                       int first, String after, Viewer viewer) {
        return rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>(Map.of("id", communityId));
            uri.path("/pointintime/communities/{id}/members").queryParam("first", first);
            if (asOf != null) {
                uri.queryParam("asOf", "{asOf}");
                variables.put("asOf", asOf.toString());
            }
            if (after != null) {
                uri.queryParam("after", "{after}");
                variables.put("after", after);
            }
            roles.forEach(role -> uri.queryParam("role", role.name()));
            return QueryServiceClient.withViewer(uri, viewer, variables);
        }).retrieve().body(MEMBERS);
    }

    /** The member's reputation at the instant, per community and across them. */
    public AsOfView<ReputationView> reputation(String memberId, Instant asOf, Viewer viewer) {
        return rest.get().uri(uri -> QueryServiceClient.withViewer(
                        uri.path("/pointintime/members/{id}/reputation").queryParam("asOf", "{asOf}"), viewer,
                        Map.of("id", memberId, "asOf", asOf.toString())))
                .retrieve().body(REPUTATION);
    }

    /** What the member could do in the community at the instant. */
    public AsOfView<CommunityPrivilegesView> privileges(String communityId, String memberId, Instant asOf, Viewer viewer) {
        return rest.get().uri(uri -> QueryServiceClient.withViewer(
                        uri.path("/pointintime/communities/{id}/privileges").queryParam("member", "{member}")
                                .queryParam("asOf", "{asOf}"), viewer,
                        Map.of("id", communityId, "member", memberId, "asOf", asOf.toString())))
                .retrieve().body(PRIVILEGES);
    }

    /** A page of the members as of the instant; each remembers in the request the moment it describes. */
    public Page<CommunityMemberView> members(String communityId, Instant asOf, List<CommunityRole> roles, int first,
                                             String after, GraphQLContext context) {
        AsOfView<Page<CommunityMemberView>> read = members(communityId, asOf, roles, first, after, Viewer.of(context));
        return PointInTimeReads.remember(context, read, read.value().items());
    }

    /** The reputation as of the instant, remembering in the request the moment it describes. */
    public ReputationView reputation(String memberId, Instant asOf, GraphQLContext context) {
        AsOfView<ReputationView> read = reputation(memberId, asOf, Viewer.of(context));
        return PointInTimeReads.remember(context, read, List.of(read.value()));
    }

    /** The privileges as of the instant, remembering in the request the moment they describe. */
    public CommunityPrivilegesView privileges(String communityId, String memberId, Instant asOf, GraphQLContext context) {
        AsOfView<CommunityPrivilegesView> read = privileges(communityId, memberId, asOf, Viewer.of(context));
        return PointInTimeReads.remember(context, read, List.of(read.value()));
    }

    /** A page of a community's feed as of the instant; each item remembers in the request the moment it describes. */
    public Page<FeedItemView> feed(String communityId, String order, String tag, int first, String after, Instant asOf,
                                   GraphQLContext context) {
        AsOfView<Page<FeedItemView>> read = rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>(Map.of("id", communityId, "asOf", asOf.toString(), "order", order));
            uri.path("/pointintime/communities/{id}/feed").queryParam("asOf", "{asOf}").queryParam("order", "{order}")
                    .queryParam("first", first);
            optional(uri, variables, "tag", tag);
            optional(uri, variables, "after", after);
            return QueryServiceClient.withViewer(uri, Viewer.of(context), variables);
        }).retrieve().body(FEED);
        return PointInTimeReads.remember(context, read, read.value().items());
    }

    /** A page of the experts of the topics as of the instant; each remembers in the request the moment it describes. */
    public Page<ExpertView> experts(String communityId, List<String> topics, int evidence, int first, String after,
                                    Instant asOf, GraphQLContext context) {
        AsOfView<Page<ExpertView>> read = rest.get().uri(uri -> {
            Map<String, Object> variables = new HashMap<>(Map.of("id", communityId, "asOf", asOf.toString()));
            uri.path("/pointintime/communities/{id}/experts").queryParam("asOf", "{asOf}").queryParam("evidence", evidence)
                    .queryParam("first", first);
            for (int i = 0; i < topics.size(); i++) {
                // as URI variables, topic names such as c# or c++ survive encoding
                uri.queryParam("topic", "{topic" + i + "}");
                variables.put("topic" + i, topics.get(i));
            }
            optional(uri, variables, "after", after);
            return QueryServiceClient.withViewer(uri, Viewer.of(context), variables);
        }).retrieve().body(EXPERTS);
        return PointInTimeReads.remember(context, read, read.value().items());
    }

    private static void optional(org.springframework.web.util.UriBuilder uri, Map<String, Object> variables, String name,
                                 String value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            variables.put(name, value);
        }
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
