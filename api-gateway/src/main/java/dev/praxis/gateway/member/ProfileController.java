package dev.praxis.gateway.member;

import static dev.praxis.gateway.schema.Batches.associate;
import static dev.praxis.gateway.schema.Batches.orEmpty;

import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.ProfileView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.SkillEndorsementView;
import dev.praxis.api.query.SkillView;
import dev.praxis.api.query.TagView;
import dev.praxis.api.tag.TagIds;
import dev.praxis.gateway.client.MinPosition;
import dev.praxis.gateway.client.Viewer;
import dev.praxis.gateway.client.QueryServiceClient;
import graphql.GraphQLContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The profile fields of {@code Member} ({@code bio}, {@code skills}, {@code following},
 * {@code followers}) and the types under them. {@code Following} is backed by the member's
 * {@link ProfileView}.
 */
@Controller
class ProfileController {

    private final QueryServiceClient queries;

    ProfileController(QueryServiceClient queries) {
        this.queries = queries;
    }

    @BatchMapping(typeName = "Member", field = "bio")
    Callable<Map<MemberView, String>> bio(List<MemberView> members, GraphQLContext context) {
        return profileField(members, context, ProfileView::bio);
    }

    @BatchMapping(typeName = "Member", field = "skills")
    Callable<Map<MemberView, List<SkillView>>> skills(List<MemberView> members, GraphQLContext context) {
        return profileField(members, context, profile -> orEmpty(profile.skills()));
    }

    @BatchMapping(typeName = "Member", field = "following")
    Callable<Map<MemberView, ProfileView>> following(List<MemberView> members, GraphQLContext context) {
        return profileField(members, context, Function.identity());
    }

    @BatchMapping(typeName = "Member", field = "followers")
    Callable<Map<MemberView, List<MemberView>>> followers(List<MemberView> members, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, ProfileView> profiles = profiles(members, viewer, min);
            Map<String, MemberView> followers = members(profiles.values().stream()
                    .flatMap(p -> orEmpty(p.followerIds()).stream()).toList(), viewer, min);
            return associate(members, member -> ids(profiles.get(member.id()), ProfileView::followerIds).stream()
                    .map(followers::get).toList());
        };
    }

    @BatchMapping(typeName = "Following", field = "members")
    Callable<Map<ProfileView, List<MemberView>>> followedMembers(List<ProfileView> profiles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = members(profiles.stream()
                    .flatMap(p -> orEmpty(p.followingMemberIds()).stream()).toList(), viewer, min);
            return associate(profiles, profile -> orEmpty(profile.followingMemberIds()).stream().map(members::get).toList());
        };
    }

    @BatchMapping(typeName = "Following", field = "tags")
    Callable<Map<ProfileView, List<TagView>>> followedTags(List<ProfileView> profiles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, TagView> tags = queries.tagsById(profiles.stream()
                    .flatMap(p -> orEmpty(p.followingTags()).stream())
                    .map(t -> TagIds.of(t.communityId(), t.name())).toList(), viewer, min);
            return associate(profiles, profile -> orEmpty(profile.followingTags()).stream()
                    .map(t -> tags.get(TagIds.of(t.communityId(), t.name()))).filter(Objects::nonNull).toList());
        };
    }

    @BatchMapping(typeName = "Following", field = "questions")
    Callable<Map<ProfileView, List<QuestionView>>> followedQuestions(List<ProfileView> profiles, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, QuestionView> questions = queries.questionsById(profiles.stream()
                    .flatMap(p -> orEmpty(p.followingQuestionIds()).stream()).toList(), viewer, min);
            return associate(profiles, profile -> orEmpty(profile.followingQuestionIds()).stream()
                    .map(questions::get).filter(Objects::nonNull).toList());
        };
    }

    @BatchMapping(typeName = "SkillEndorsement", field = "endorser")
    Callable<Map<SkillEndorsementView, MemberView>> endorser(List<SkillEndorsementView> endorsements, GraphQLContext context) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, MemberView> members = members(endorsements.stream().map(SkillEndorsementView::endorserId).toList(), viewer, min);
            return associate(endorsements, endorsement -> members.get(endorsement.endorserId()));
        };
    }

    private <V> Callable<Map<MemberView, V>> profileField(List<MemberView> members, GraphQLContext context,
                                                          Function<ProfileView, V> field) {
        MinPosition min = MinPosition.of(context);
        Viewer viewer = Viewer.of(context);
        return () -> {
            Map<String, ProfileView> profiles = profiles(members, viewer, min);
            return associate(members, member -> {
                ProfileView profile = profiles.get(member.id());
                return field.apply(profile == null ? empty(member.id()) : profile);
            });
        };
    }

    private Map<String, ProfileView> profiles(List<MemberView> members, Viewer viewer, MinPosition min) {
        return queries.profilesById(members.stream().map(MemberView::id).toList(), viewer, min);
    }

    /** The members by id; one the read model does not hold (never joined a community) shows under their id. */
    private Map<String, MemberView> members(Collection<String> ids, Viewer viewer, MinPosition min) {
        Map<String, MemberView> found = new java.util.HashMap<>(queries.membersById(ids, viewer, min));
        ids.forEach(id -> found.computeIfAbsent(id, ProfileController::unknownMember));
        return found;
    }

    static MemberView unknownMember(String id) {
        return new MemberView(id, id, MemberController.STARTING_REPUTATION, List.of());
    }

    private static ProfileView empty(String memberId) {
        return new ProfileView(memberId, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> ids(ProfileView profile, Function<ProfileView, List<String>> field) {
        return profile == null ? List.of() : orEmpty(field.apply(profile));
    }
}
