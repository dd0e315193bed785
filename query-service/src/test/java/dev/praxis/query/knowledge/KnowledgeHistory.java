package dev.praxis.query.knowledge;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagSynonymAdded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * A history of two communities with every kind of recognition and every reversal: a retracted
 * vote, a changed vote, an unaccepted answer, a withdrawn answer endorsement, a withdrawn skill
 * endorsement, a deleted answer, a deleted and undeleted one, a retag, a synonym merged (with a vote after the merge on a question asked with it).
 */
final class KnowledgeHistory {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant NOW = T.plus(Duration.ofDays(30));

    private KnowledgeHistory() {
    }

    static Instant at(long hours) {
        return T.plus(Duration.ofHours(hours));
    }

    static List<EventMessage<?>> events() {
        List<Object> e = new ArrayList<>();
        e.add(new CommunityCreated("guild", "Guild", null, PrivilegePreset.TEAM, "alice", T));
        for (String member : List.of("alice", "bob", "chen", "dora", "erin")) {
            e.add(new MemberJoinedCommunity("guild", member, member, member.equals("alice") ? CommunityRole.OWNER
                    : CommunityRole.MEMBER, member, T));
        }
        e.add(new CommunityCreated("vault", "Vault", null, PrivilegePreset.TEAM, "olga", T));
        e.add(new CommunityVisibilityChanged("vault", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "olga", T));
        e.add(new MemberJoinedCommunity("vault", "olga", "olga", CommunityRole.OWNER, "olga", T));
        e.add(new MemberJoinedCommunity("vault", "bob", "bob", CommunityRole.MEMBER, "olga", T));
        for (String tag : List.of("axon", "kafka", "mongodb")) {
            e.add(new TagCreated("guild/" + tag, "guild", tag, null, "alice", T));
        }
        e.add(new TagCreated("vault/axon", "vault", "axon", null, "olga", T));

        // q1 [axon, kafka]: bob's a1 and chen's a2
        e.add(new QuestionAsked("q1", "guild", "How do I replay one projection?", "body", List.of("axon", "kafka"), "alice", at(0)));
        e.add(new AnswerPosted("q1", "a1", "guild", "Reset its tokens.", "bob", at(1)));
        e.add(new AnswerPosted("q1", "a2", "guild", "Drop the database.", "chen", at(2)));
        e.add(new CommentAdded("q1", "k1", "a1", PostKind.ANSWER, "guild", "bob", "Thanks!", List.of(), "alice", at(2)));
        for (String voter : List.of("alice", "chen", "dora")) {
            e.add(vote("q1", "a1", "bob", voter, VoteDirection.UP, at(3)));
        }
        e.add(new VoteRetracted("q1", "a1", PostKind.ANSWER, "guild", "bob", VoteDirection.UP, "dora", at(4)));
        e.add(vote("q1", "a2", "chen", "dora", VoteDirection.UP, at(4)));
        e.add(new VoteChanged("q1", "a2", PostKind.ANSWER, "guild", "chen", VoteDirection.UP, VoteDirection.DOWN, "dora", at(5)));
        e.add(new AnswerAccepted("q1", "a2", "guild", "chen", "alice", at(6)));
        e.add(new AnswerAcceptanceWithdrawn("q1", "a2", "guild", "chen", "alice", at(7)));
        e.add(new AnswerAccepted("q1", "a1", "guild", "bob", "alice", at(7)));
        e.add(new AnswerEndorsed("q1", "a1", "guild", "bob", "Exactly right.", "erin", at(8)));
        e.add(new AnswerEndorsed("q1", "a2", "guild", "chen", null, "erin", at(8)));
        e.add(new AnswerEndorsementWithdrawn("q1", "a2", "guild", "chen", "erin", at(9)));
        // a question vote is no expertise
        e.add(new VoteCast("q1", "q1", PostKind.QUESTION, "guild", "alice", VoteDirection.UP, "bob", at(9)));

        // q2 [kafka]: chen's a3 is deleted, bob's a4 deleted and undeleted
        e.add(new QuestionAsked("q2", "guild", "Why does my consumer lag?", "body", List.of("kafka"), "dora", at(24)));
        e.add(new AnswerPosted("q2", "a3", "guild", "Add partitions.", "chen", at(25)));
        e.add(new AnswerPosted("q2", "a4", "guild", "Check the fetch size.", "bob", at(26)));
        e.add(vote("q2", "a3", "chen", "alice", VoteDirection.UP, at(27)));
        e.add(vote("q2", "a3", "chen", "bob", VoteDirection.UP, at(27)));
        e.add(vote("q2", "a4", "bob", "alice", VoteDirection.UP, at(27)));
        e.add(new PostDeleted("q2", "a3", PostKind.ANSWER, "guild", "chen", "wrong", "alice", at(28)));
        e.add(new PostDeleted("q2", "a4", PostKind.ANSWER, "guild", "bob", "oops", "alice", at(28)));
        e.add(new PostUndeleted("q2", "a4", PostKind.ANSWER, "guild", "bob", "fine", "alice", at(29)));

        // q3 asked with "mongo", which becomes a synonym of mongodb, then retagged [mongodb, axon]
        e.add(new QuestionAsked("q3", "guild", "Which index serves this query?", "body", List.of("mongo"), "erin", at(48)));
        e.add(new AnswerPosted("q3", "a5", "guild", "A compound index.", "chen", at(49)));
        e.add(vote("q3", "a5", "chen", "bob", VoteDirection.UP, at(50)));
        e.add(new QuestionAsked("q6", "guild", "Can Kafka feed a Mongo collection?", "body", List.of("mongo", "kafka"), "alice",
                at(50)));
        e.add(new AnswerPosted("q6", "a7", "guild", "With a sink connector.", "dora", at(50)));
        e.add(new TagSynonymAdded("guild/mongodb", "guild", "mongodb", "mongo", "alice", at(51)));
        // a vote after the merge on a question asked with the synonym counts for the master
        e.add(vote("q6", "a7", "dora", "bob", VoteDirection.UP, at(53)));
        e.add(new QuestionEdited("q3", "guild", "erin", 2, "Which index serves this query?", "body", List.of("mongodb", "axon"),
                List.of("tags"), "retag", null, List.of(), "alice", at(52)));

        // skills: kafka counts where bob is a member and the topic exists; the axon endorsement is withdrawn
        e.add(new SkillEndorsed("bob", "kafka", "Ran our cluster.", "dora", at(72)));
        e.add(new SkillEndorsed("bob", "axon", null, "erin", at(72)));
        e.add(new SkillEndorsementWithdrawn("bob", "axon", "erin", at(73)));

        // q4 [kafka] unanswered; q5 [kafka, axon] answered by chen
        e.add(new QuestionAsked("q4", "guild", "How many partitions do I need?", "body", List.of("kafka"), "alice", at(240)));
        e.add(new QuestionAsked("q5", "guild", "Can Axon read from a Kafka topic?", "body", List.of("kafka", "axon"), "dora", at(241)));
        e.add(new AnswerPosted("q5", "a6", "guild", "Yes, with the extension.", "chen", at(242)));

        // the private vault: bob answers olga
        e.add(new QuestionAsked("q9", "vault", "Where are the keys kept?", "body", List.of("axon"), "olga", at(100)));
        e.add(new AnswerPosted("q9", "a9", "vault", "In the vault.", "bob", at(101)));
        e.add(vote("q9", "a9", "bob", "olga", VoteDirection.UP, at(102)));
        return e.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    private static VoteCast vote(String questionId, String answerId, String author, String voter, VoteDirection direction,
                                 Instant at) {
        return new VoteCast(questionId, answerId, PostKind.ANSWER, questionId.equals("q9") ? "vault" : "guild", author, direction, voter, at);
    }
}
