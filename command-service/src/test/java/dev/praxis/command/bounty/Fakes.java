package dev.praxis.command.bounty;

import static dev.praxis.command.shared.CommandRejectedException.forbidden;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.question.PostKind;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.question.InMemoryCommunityDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory posts, directory (with roles) and privileges for the bounty and flag aggregate tests. */
public final class Fakes {

    private Fakes() {
    }

    public static final class InMemoryPosts implements Posts {

        private final Map<String, Post> posts = new HashMap<>();

        public InMemoryPosts question(String questionId, String communityId, String authorId, Instant at) {
            posts.put(questionId, new Post(questionId, PostKind.QUESTION, questionId, communityId, authorId, at, 0, false, false));
            return this;
        }

        public InMemoryPosts answer(String answerId, String questionId, String authorId, Instant at, int score) {
            Post question = posts.get(questionId);
            posts.put(answerId, new Post(answerId, PostKind.ANSWER, questionId, question.communityId(), authorId, at, score,
                    false, false));
            return this;
        }

        public InMemoryPosts comment(String commentId, String questionId, String authorId, Instant at) {
            Post question = posts.get(questionId);
            posts.put(commentId, new Post(commentId, PostKind.COMMENT, questionId, question.communityId(), authorId, at, 0,
                    false, false));
            return this;
        }

        public InMemoryPosts deleted(String postId) {
            Post p = posts.get(postId);
            posts.put(postId, new Post(p.postId(), p.kind(), p.questionId(), p.communityId(), p.authorId(), p.createdAt(),
                    p.score(), p.locked(), true));
            return this;
        }

        public InMemoryPosts locked(String postId) {
            Post p = posts.get(postId);
            posts.put(postId, new Post(p.postId(), p.kind(), p.questionId(), p.communityId(), p.authorId(), p.createdAt(),
                    p.score(), true, p.deleted()));
            return this;
        }

        @Override
        public Optional<Post> find(String postId) {
            return Optional.ofNullable(posts.get(postId));
        }

        @Override
        public List<Post> answersTo(String questionId) {
            return posts.values().stream()
                    .filter(p -> p.kind() == PostKind.ANSWER && p.questionId().equals(questionId) && !p.deleted())
                    .toList();
        }
    }

    /** The shared in-memory directory, with this package's way of naming a member's role. */
    public static final class Directory extends InMemoryCommunityDirectory {

        public Directory with(String communityId, String memberId, CommunityRole role) {
            withRole(communityId, memberId, role);
            return this;
        }
    }

    public static final class Reputations implements Privileges {

        private final Map<String, Integer> reputation = new HashMap<>();

        public Reputations with(String memberId, int points) {
            reputation.put(memberId, points);
            return this;
        }

        @Override
        public int reputationOf(String communityId, String memberId) {
            return reputation.getOrDefault(memberId, 1);
        }

        @Override
        public boolean holds(String communityId, String memberId, Privilege privilege) {
            return reputationOf(communityId, memberId) >= privilege.stackOverflowThreshold();
        }

        @Override
        public void require(String communityId, String memberId, Privilege privilege) {
            if (!holds(communityId, memberId, privilege)) {
                throw forbidden("MISSING_PRIVILEGE", "You need " + privilege.stackOverflowThreshold() + " reputation.");
            }
        }
    }
}
