package dev.praxis.gateway.audit;

import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.HistoryEntryView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.Page;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.QueryServiceClient;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.relay.Connection;
import dev.praxis.gateway.relay.GlobalId;
import dev.praxis.gateway.relay.NodeType;
import dev.praxis.gateway.relay.PageRequest;
import dev.praxis.gateway.schema.Batches;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * The auditors' GraphQL: {@code history} (for everyone, judged by the query service with the viewer
 * and their role) and {@code eventChainVerification} (auditors only, judged here).
 */
@Controller
class AuditController {

    private final AuditClient audit;
    private final QueryServiceClient queries;

    AuditController(AuditClient audit, QueryServiceClient queries) {
        this.audit = audit;
        this.queries = queries;
    }

    @QueryMapping
    Connection<HistoryEntryView> history(@Argument String post, @Argument String member, @Argument String community,
                                         @Argument Instant from, @Argument Instant to, @Argument List<String> types,
                                         @Argument Integer first, @Argument String after, GraphQLContext context) {
        PageRequest page = PageRequest.of(first, after);
        String postId = post == null ? null
                : GlobalId.decode(post, NodeType.QUESTION, NodeType.ANSWER, NodeType.ARTICLE).rawId();
        String memberId = member == null ? null : GlobalId.rawId(member, NodeType.MEMBER);
        String communityId = community == null ? null : GlobalId.rawId(community, NodeType.COMMUNITY);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ClientErrorException.badRequest("INVALID_TIME_RANGE", "`to` must come after `from`.");
        }
        if (types != null && types.size() > 50) {
            throw ClientErrorException.badRequest("TOO_MANY_TYPES", "Name at most 50 event types.");
        }
        Viewer viewer = Viewer.of(context);
        if (!viewer.auditor() && postId == null && memberId == null && communityId == null) {
            throw forbidden("The history of everything is for auditors: name a post, a member or a community.");
        }
        Page<HistoryEntryView> result = audit.history(
                new AuditClient.HistoryFilter(postId, memberId, communityId, from, to, types),
                page.first(), page.after(), viewer, MinPosition.of(context));
        return Connection.of(result, page);
    }

    @QueryMapping
    ChainVerificationView eventChainVerification(@Argument String fromPosition, @Argument String toPosition,
                                                 GraphQLContext context) {
        requireAuditor(Viewer.of(context));
        Long from = position(fromPosition, "fromPosition");
        Long to = position(toPosition, "toPosition");
        if (from != null && to != null && from > to) {
            throw ClientErrorException.badRequest("INVALID_RANGE", "toPosition must not come before fromPosition.");
        }
        return audit.verify(from, to);
    }

    @SchemaMapping(typeName = "HistoryEvent", field = "position")
    String position(HistoryEntryView event) {
        return Long.toString(event.position());
    }

    @SchemaMapping(typeName = "HistoryEvent", field = "recordedAt")
    Instant recordedAt(HistoryEntryView event) {
        return event.time();
    }

    @BatchMapping(typeName = "HistoryEvent", field = "actor")
    Callable<Map<HistoryEntryView, MemberView>> actor(List<HistoryEntryView> events, GraphQLContext context) {
        return Batches.load(events, HistoryEntryView::actorId,
                ids -> queries.membersById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @BatchMapping(typeName = "HistoryEvent", field = "community")
    Callable<Map<HistoryEntryView, CommunityView>> community(List<HistoryEntryView> events, GraphQLContext context) {
        return Batches.load(events, HistoryEntryView::communityId,
                ids -> queries.communitiesById(ids, Viewer.of(context), MinPosition.of(context)));
    }

    @SchemaMapping(typeName = "ChainVerification", field = "fromPosition")
    String fromPosition(ChainVerificationView report) {
        return Long.toString(report.fromPosition());
    }

    @SchemaMapping(typeName = "ChainVerification", field = "toPosition")
    String toPosition(ChainVerificationView report) {
        return Long.toString(report.toPosition());
    }

    @SchemaMapping(typeName = "ChainVerification", field = "intact")
    boolean intact(ChainVerificationView report) {
        return report.intact();
    }

    @SchemaMapping(typeName = "BrokenLink", field = "position")
    String brokenPosition(ChainVerificationView.BrokenLinkView link) {
        return Long.toString(link.position());
    }

    static void requireAuditor(Viewer viewer) {
        if (viewer.isAnonymous()) {
            throw ClientErrorException.unauthorized("AUTHENTICATION_REQUIRED", "Sign in first: this is for auditors.");
        }
        if (!viewer.auditor()) {
            throw forbidden("This is for auditors: a token with the auditor role.");
        }
    }

    static ClientErrorException forbidden(String message) {
        return new ClientErrorException(ErrorType.FORBIDDEN, "AUDITORS_ONLY", message);
    }

    private static Long position(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ClientErrorException.badRequest("INVALID_POSITION", name + " is a global position: a decimal number from 0 on.");
        }
    }
}
