package dev.praxis.gateway.client;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.BountyView;
import dev.praxis.api.query.ModerationItemView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.MembershipRequestView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ProfileView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.api.query.TagView;
import dev.praxis.api.tag.TagIds;
import dev.praxis.api.query.RevisionView;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Reads the query service's internal HTTP API. Every read names the {@link Viewer}, for whom the
 * query service answers only what they may see (a private community's content is left out of
 * batches and lists, and answers 404 by id, for anyone but its current members), and takes the
 * {@link MinPosition} that the answer must reflect; batch reads take any number of ids, ask for
 * each id once and split the ids into batches of the size the service accepts.
 */
public class QueryServiceClient {

    /** The most ids the query service accepts in one batch request. */
    static final int MAX_BATCH_SIZE = 500;

    private static final ParameterizedTypeReference<Page<CommunityView>> COMMUNITY_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<QuestionView>> QUESTION_PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<CommunityView>> COMMUNITIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<QuestionView>> QUESTIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<AnswerView>> ANSWERS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<MemberView>> MEMBERS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    public QueryServiceClient(RestClient rest) {
        this.rest = rest;
    }

    /**
     * The query service's HTTP client, with its base URL, time-outs and error handling, for the
     * clients of features that keep their reads in their own package instead of growing this class.
     */
    public RestClient rest() {
        return rest;
    }

    /** Communities, newest first. */
    public Page<CommunityView> communities(int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities"), first, after, viewer, min))
                .retrieve()
                .body(COMMUNITY_PAGE);
    }

    public Optional<CommunityView> community(String id, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/communities/{id}"), viewer, min, Map.of("id", id)))
                .retrieve()
                .body(CommunityView.class));
    }

    public Map<String, CommunityView> communitiesById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/communities/batch", ids, viewer, min, COMMUNITIES, CommunityView::id);
    }

    /** The questions of one community, newest first. */
    public Page<QuestionView> questionsOf(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/questions"), first, after, viewer, min, Map.of("id", communityId)))
                .retrieve()
                .body(QUESTION_PAGE);
    }

    public Optional<QuestionView> question(String id, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/questions/{id}"), viewer, min, Map.of("id", id)))
                .retrieve()
                .body(QuestionView.class));
    }

    public Map<String, QuestionView> questionsById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/questions/batch", ids, viewer, min, QUESTIONS, QuestionView::id);
    }

    public Map<String, AnswerView> answersById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/answers/batch", ids, viewer, min, ANSWERS, AnswerView::id);
    }

    public Optional<MemberView> member(String id, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/members/{id}"), viewer, min, Map.of("id", id)))
                .retrieve()
                .body(MemberView.class));
    }

    public Map<String, MemberView> membersById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/members/batch", ids, viewer, min, MEMBERS, MemberView::id);
    }

    // ---- content: revisions, comments, articles

    /** A post's revisions (question, answer or article), revision 1 first. */
    public List<RevisionView> revisions(String postId, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/posts/{id}/revisions"), viewer, min, Map.of("id", postId)))
                .retrieve()
                .body(new ParameterizedTypeReference<List<RevisionView>>() {
                })).orElse(List.of());
    }

    /** The comments of each post, oldest first; a post without comments maps to an empty list. */
    public Map<String, List<CommentView>> commentsOfPosts(Collection<String> postIds, Viewer viewer, MinPosition min) {
        List<String> distinct = postIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, List<CommentView>> byPost = new LinkedHashMap<>();
        distinct.forEach(id -> byPost.put(id, new java.util.ArrayList<>()));
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_SIZE) {
            List<String> chunk = distinct.subList(from, Math.min(from + MAX_BATCH_SIZE, distinct.size()));
            List<CommentView> comments = rest.post()
                    .uri(uri -> build(uri.path("/posts/comments/batch"), viewer, min, Map.of()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new IdBatch(chunk))
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<CommentView>>() {
                    });
            if (comments != null) {
                comments.forEach(comment -> byPost.get(comment.postId()).add(comment));
            }
        }
        return byPost;
    }

    public Map<String, CommentView> commentsById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/comments/batch", ids, viewer, min, new ParameterizedTypeReference<List<CommentView>>() {
        }, CommentView::id);
    }

    /** The articles of one community, newest first. */
    public Page<ArticleView> articlesOf(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/articles"), first, after, viewer, min, Map.of("id", communityId)))
                .retrieve()
                .body(new ParameterizedTypeReference<Page<ArticleView>>() {
                });
    }

    public Map<String, ArticleView> articlesById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/articles/batch", ids, viewer, min, new ParameterizedTypeReference<List<ArticleView>>() {
        }, ArticleView::id);
    }

    private <V> Map<String, V> batch(String path, Collection<String> ids, Viewer viewer, MinPosition min,
            ParameterizedTypeReference<List<V>> type, Function<V, String> idOf) {
        List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, V> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_SIZE) {
            List<String> chunk = distinct.subList(from, Math.min(from + MAX_BATCH_SIZE, distinct.size()));
            List<V> views = rest.post()
                    .uri(uri -> build(uri.path(path), viewer, min, Map.of()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new IdBatch(chunk))
                    .retrieve()
                    .body(type);
            if (views != null) {
                views.forEach(view -> found.put(idOf.apply(view), view));
            }
        }
        return found;
    }

    /** A lookup by id whose 404 means "no such thing" rather than an error. */
    private static <T> Optional<T> findOne(Supplier<T> lookup) {
        try {
            return Optional.ofNullable(lookup.get());
        }
        catch (DownstreamException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static URI page(UriBuilder uri, int first, String after, Viewer viewer, MinPosition min) {
        return page(uri, first, after, viewer, min, Map.of());
    }

    private static URI page(UriBuilder uri, int first, String after, Viewer viewer, MinPosition min,
            Map<String, String> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        uri.queryParam("first", first);
        if (after != null) {
            // As a URI variable, the opaque cursor is encoded strictly: a '+' or '&' in it survives.
            uri.queryParam("after", "{after}");
            all.put("after", after);
        }
        return build(uri, viewer, min, all);
    }

    /**
     * The URI with the viewer, as every read of this client names them, for the clients of features
     * that keep their reads in their own package (such as point-in-time reads, which need no position).
     */
    public static URI withViewer(UriBuilder uri, Viewer viewer, Map<String, ?> variables) {
        return build(uri, viewer, MinPosition.NONE, variables);
    }

    /** The URI with the viewer (a URI variable, encoded strictly: any token subject survives) and the position. */
    private static URI build(UriBuilder uri, Viewer viewer, MinPosition min, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        if (!viewer.isAnonymous()) {
            uri.queryParam("viewer", "{viewer}");
            all.put("viewer", viewer.id());
        }
        if (viewer.auditor()) {
            uri.queryParam(Viewer.ROLE_PARAMETER, Viewer.AUDITOR_ROLE);
        }
        if (min.isSet()) {
            uri.queryParam("minPosition", min.value());
        }
        return uri.build(all);
    }

    private static final ParameterizedTypeReference<Page<CommunityMemberView>> COMMUNITY_MEMBER_PAGE =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Page<MembershipRequestView>> MEMBERSHIP_REQUEST_PAGE =
            new ParameterizedTypeReference<>() {
            };

    /** The members of one community with role and status, newest first. */
    public Page<CommunityMemberView> communityMembers(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/members"), first, after, viewer, min, Map.of("id", communityId)))
                .retrieve()
                .body(COMMUNITY_MEMBER_PAGE);
    }

    /** One member of one community; empty when they are not (or no longer) listed there. */
    public Optional<CommunityMemberView> communityMember(String communityId, String memberId, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/communities/{id}/members/{memberId}"), viewer, min,
                        Map.of("id", communityId, "memberId", memberId)))
                .retrieve()
                .body(CommunityMemberView.class));
    }

    /** The pending requests to join one community, newest first. */
    public Page<MembershipRequestView> membershipRequests(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/membership-requests"), first, after, viewer, min,
                        Map.of("id", communityId)))
                .retrieve()
                .body(MEMBERSHIP_REQUEST_PAGE);
    }

    // Members' profiles and tags

    private static final ParameterizedTypeReference<List<ProfileView>> PROFILES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<TagView>> TAGS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<TagView>> TAG_PAGE = new ParameterizedTypeReference<>() {
    };

    /** The profiles of the members, by member id; a member without a profile has an empty one. */
    public Map<String, ProfileView> profilesById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/profiles/batch", ids, viewer, min, PROFILES, ProfileView::memberId);
    }

    /** The tags of one community, newest first. */
    public Page<TagView> tagsOf(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/tags"), first, after, viewer, min, Map.of("id", communityId)))
                .retrieve()
                .body(TAG_PAGE);
    }

    /** A tag by community and name (a synonym's name finds its master). */
    public Optional<TagView> tag(String communityId, String name, Viewer viewer, MinPosition min) {
        return findOne(() -> rest.get()
                .uri(uri -> build(uri.path("/tags").queryParam("communityId", "{communityId}").queryParam("name", "{name}"),
                        viewer, min, Map.of("communityId", communityId, "name", name)))
                .retrieve()
                .body(TagView.class));
    }

    /** Tags by their ids ({@code TagIds.of(communityId, name)}). */
    public Map<String, TagView> tagsById(Collection<String> ids, Viewer viewer, MinPosition min) {
        return batch("/tags/batch", ids, viewer, min, TAGS, tag -> TagIds.of(tag.communityId(), tag.name()));
    }

    // bounties and flags

    private static final ParameterizedTypeReference<List<BountyView>> BOUNTIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<ModerationItemView>> MODERATION_PAGE =
            new ParameterizedTypeReference<>() {
            };

    /** The open bounties of the questions named, by question id; questions without one are left out. */
    public Map<String, BountyView> bountiesByQuestionId(Collection<String> questionIds, Viewer viewer, MinPosition min) {
        return batch("/bounties/batch", questionIds, viewer, min, BOUNTIES, BountyView::questionId);
    }

    /** A community's moderation queue, the longest waiting post first. */
    public Page<ModerationItemView> moderationQueue(String communityId, int first, String after, Viewer viewer, MinPosition min) {
        return rest.get()
                .uri(uri -> page(uri.path("/communities/{id}/moderation-queue"), first, after, viewer, min, Map.of("id", communityId)))
                .retrieve()
                .body(MODERATION_PAGE);
    }
}
