package dev.praxis.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.query.ProfileView;
import dev.praxis.api.query.TagView;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.member.MemberProjection;
import dev.praxis.query.member.ProfileProjection;
import dev.praxis.query.member.ProfileQueries;
import dev.praxis.query.tag.TagProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The profile and tag projections: idempotent under re-delivery, and holding what the events say. */
class MembersAndTagsProjectionsTest {

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new ProfileProjection(mongo), new TagProjection(mongo), new MemberProjection(mongo)));

    @Test
    void deliveringEveryEventTwiceChangesNothing() throws Exception {
        List<EventMessage<?>> events = history();
        Map<String, List<Document>> once = project("m_once", events);
        List<EventMessage<?>> eachTwice = ProjectionHarness.eachTwice(events);
        List<EventMessage<?>> streamTwice = ProjectionHarness.streamTwice(events);

        assertThat(project("m_each_twice", eachTwice)).isEqualTo(once);
        assertThat(project("m_stream_twice", streamTwice)).isEqualTo(once);
    }

    @Test
    void theReadModelsHoldWhatTheEventsSay() throws Exception {
        project("m_expected", history());
        MongoTemplate mongo = harness.mongo("m_expected");

        ProfileView bob = profile(mongo, "bob");
        assertThat(bob.bio()).isEqualTo("JVM");
        assertThat(bob.skills()).extracting(s -> s.name() + "=" + s.endorsementCount()).containsExactly("java=1", "axon=0");
        assertThat(bob.skills().get(0).endorsements().get(0).endorserId()).isEqualTo("chen");
        assertThat(bob.followerIds()).containsExactly("chen");
        ProfileView alice = profile(mongo, "alice");
        assertThat(alice.followingMemberIds()).isEmpty();
        assertThat(alice.followingTags()).isEmpty();
        assertThat(alice.followingQuestionIds()).containsExactly("q1");
        assertThat(profile(mongo, "nobody").skills()).isEmpty();

        List<TagView> tags = mongo.findAll(Document.class, "tags").stream()
                .map(d -> new TagView(d.getString("communityId"), d.getString("name"), d.getString("description"),
                        d.getList("synonyms", String.class), d.get("questionCount") == null ? 0 : ((Number) d.get("questionCount")).longValue(), null))
                .toList();
        assertThat(tags).extracting(t -> t.name() + ":" + t.questionCount() + ":" + t.description() + ":" + t.synonyms())
                .containsExactlyInAnyOrder("axon:2:Event sourcing:[axonframework]", "kotlin:1:null:null");
        assertThat(mongo.findById("bob", Document.class, "members").getString("profileName")).isEqualTo("Bob B.");
    }

    private static ProfileView profile(MongoTemplate mongo, String memberId) {
        return new ProfileQueries(mongo, new ReadConsistency(null, Duration.ZERO)).profile(memberId, null);
    }

    private Map<String, List<Document>> project(String database, List<EventMessage<?>> events) throws Exception {
        return harness.project(database, events);
    }

    private static List<EventMessage<?>> history() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        return List.of(
                event(new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", t)),
                event(new ProfileUpdated("bob", "Bob", "Old bio", List.of("cobol"), "bob", t)),
                event(new ProfileUpdated("bob", "Bob B.", "JVM", List.of("java", "axon"), "bob", t.plusSeconds(1))),
                event(new SkillEndorsed("bob", "java", "Great", "alice", t.plusSeconds(2))),
                event(new SkillEndorsed("bob", "java", null, "chen", t.plusSeconds(3))),
                event(new SkillEndorsementWithdrawn("bob", "java", "alice", t.plusSeconds(4))),
                event(new MemberFollowed("alice", "bob", "alice", t.plusSeconds(5))),
                event(new MemberFollowed("chen", "bob", "chen", t.plusSeconds(6))),
                event(new MemberUnfollowed("alice", "bob", "alice", t.plusSeconds(7))),
                event(new TagCreated("c1/axon", "c1", "axon", "Axon", "alice", t.plusSeconds(8))),
                event(new TagDescriptionEdited("c1/axon", "c1", "axon", "Event sourcing", "alice", t.plusSeconds(9))),
                event(new TagSynonymAdded("c1/axon", "c1", "axon", "axonframework", "alice", t.plusSeconds(10))),
                event(new TagSynonymAdded("c1/axon", "c1", "axon", "axon-fw", "alice", t.plusSeconds(10))),
                event(new TagSynonymRemoved("c1/axon", "c1", "axon", "axon-fw", "alice", t.plusSeconds(11))),
                event(new QuestionAsked("q1", "c1", "How do I rebuild a projection?", "Body", List.of("axon", "kotlin"), "bob", t.plusSeconds(12))),
                event(new QuestionAsked("q2", "c1", "How do I snapshot an aggregate?", "Body", List.of("axon"), "bob", t.plusSeconds(13))),
                event(new TagFollowed("alice", "c1", "axon", "alice", t.plusSeconds(14))),
                event(new TagUnfollowed("alice", "c1", "axon", "alice", t.plusSeconds(15))),
                event(new QuestionFollowed("alice", "q1", "alice", t.plusSeconds(16))));
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
