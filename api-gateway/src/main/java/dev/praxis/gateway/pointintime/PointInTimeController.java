package dev.praxis.gateway.pointintime;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.gateway.client.Viewer;
import graphql.GraphQLContext;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of pointintime.graphqls: {@code Community.moderators} (now or as of a moment) and the
 * {@code pointInTime} of the objects a point-in-time read answered.
 */
@Controller
class PointInTimeController {

    /** The most moderators a community lists (owners and moderators are few; more would be a page). */
    static final int MAX_MODERATORS = 100;

    private final PointInTimeClient pointInTime;

    PointInTimeController(PointInTimeClient pointInTime) {
        this.pointInTime = pointInTime;
    }

    /** Owners and moderators, newest first, read from the community's own record (at the moment, or now). */
    @SchemaMapping(typeName = "Community", field = "moderators")
    List<CommunityMemberView> moderators(CommunityView community, @Argument Instant asOf, GraphQLContext context) {
        List<CommunityRole> staff = List.of(CommunityRole.OWNER, CommunityRole.MODERATOR);
        if (asOf == null) {
            return pointInTime.members(community.id(), null, staff, MAX_MODERATORS, null, Viewer.of(context)).value().items();
        }
        return pointInTime.members(community.id(), asOf, staff, MAX_MODERATORS, null, context).items();
    }

    @SchemaMapping(typeName = "Question", field = "pointInTime")
    Moment questionMoment(QuestionView question, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, question);
    }

    @SchemaMapping(typeName = "Answer", field = "pointInTime")
    Moment answerMoment(AnswerView answer, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, answer);
    }

    @SchemaMapping(typeName = "FeedItem", field = "pointInTime")
    Moment feedItemMoment(FeedItemView item, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, item);
    }

    @SchemaMapping(typeName = "Expert", field = "pointInTime")
    Moment expertMoment(ExpertView expert, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, expert);
    }

    @SchemaMapping(typeName = "CommunityMember", field = "pointInTime")
    Moment memberMoment(CommunityMemberView member, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, member);
    }

    @SchemaMapping(typeName = "MemberReputation", field = "pointInTime")
    Moment reputationMoment(ReputationView reputation, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, reputation);
    }

    @SchemaMapping(typeName = "CommunityPrivileges", field = "pointInTime")
    Moment privilegesMoment(CommunityPrivilegesView privileges, GraphQLContext context) {
        return PointInTimeReads.momentOf(context, privileges);
    }
}
