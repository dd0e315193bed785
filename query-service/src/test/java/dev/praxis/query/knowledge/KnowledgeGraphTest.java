package dev.praxis.query.knowledge;

import static dev.praxis.query.knowledge.KnowledgeHistory.NOW;
import static dev.praxis.query.knowledge.KnowledgeHistory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.praxis.api.query.ExpertSuggestionView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.KnowledgeConnectionView;
import dev.praxis.api.query.KnowledgeEvidenceView;
import dev.praxis.api.query.KnowledgeNodeView;
import dev.praxis.api.query.Page;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The knowledge graph built from {@link KnowledgeHistory} by the real projections on the embedded
 * MongoDB, read through its queries at a fixed time: expertise with every reversal, experts with
 * the evidence that adds up to their score, suggestions, related topics, profiles, connections,
 * and privacy.
 */
class KnowledgeGraphTest {

    private static final Decay DECAY = new Decay(Decay.DEFAULT_HALF_LIFE);

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo), new KnowledgeProjection(mongo)));

    static MongoTemplate mongo;
    static KnowledgeGraph graph;

    @BeforeAll
    static void project() throws Exception {
        harness.project("graph", KnowledgeHistory.events());
        mongo = harness.mongo("graph");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        graph = new KnowledgeGraph(mongo, new ReadAccess(mongo, clock), DECAY, clock);
    }

    /** What work of {@code weight} done {@code hours} after the start counts now. */
    private static double counts(double weight, long hours) {
        return DECAY.contributionAt(weight, at(hours), NOW);
    }

    private static Document expertise(String community, String topic, String member) {
        return mongo.findById(community + "|" + topic + "|" + member, Document.class, "knowledge_expertise");
    }

    private static double scoreOf(Document expertise) {
        return DECAY.scoreAt(expertise.getDouble("s"), NOW);
    }

    @Test
    void expertiseCountsRecognisedAnswersAndSkillsAndForgetsWhatWasReversed() {
        // bob, kafka: upvotes of alice and chen (dora's was retracted), the acceptance (after alice
        // moved it from chen's answer), erin's endorsement, the upvote of a4 (deleted and undeleted),
        // dora's skill endorsement
        double bobKafka = counts(1, 3) + counts(1, 3) + counts(4, 7) + counts(3, 8) + counts(1, 27) + counts(2, 72);
        assertThat(scoreOf(expertise("guild", "kafka", "bob"))).isCloseTo(bobKafka, within(1e-9));
        assertThat(expertise("guild", "kafka", "bob").getInteger("evidenceCount")).isEqualTo(6);
        // bob, axon: the same without q2 and without the withdrawn skill endorsement
        double bobAxon = counts(1, 3) + counts(1, 3) + counts(4, 7) + counts(3, 8);
        assertThat(scoreOf(expertise("guild", "axon", "bob"))).isCloseTo(bobAxon, within(1e-9));
        assertThat(expertise("guild", "axon", "bob").getInteger("evidenceCount")).isEqualTo(4);

        // chen: dora's vote turned down; the unaccepted answer, the withdrawn endorsement and the
        // upvotes of the deleted answer a3 count nothing
        assertThat(scoreOf(expertise("guild", "kafka", "chen"))).isCloseTo(counts(-1, 5), within(1e-9));
        assertThat(expertise("guild", "kafka", "chen").getInteger("evidenceCount")).isEqualTo(1);
        // a5's upvote, credited to mongo, merged into mongodb with the synonym, and copied to axon by the retag
        assertThat(scoreOf(expertise("guild", "mongodb", "chen"))).isCloseTo(counts(1, 50), within(1e-9));
        assertThat(scoreOf(expertise("guild", "axon", "chen"))).isCloseTo(counts(-1, 5) + counts(1, 50), within(1e-9));
        assertThat(expertise("guild", "mongo", "chen")).isNull();
        assertThat(scoreOf(expertise("guild", "mongodb", "dora"))).isCloseTo(counts(1, 53), within(1e-9));
        assertThat(scoreOf(expertise("guild", "kafka", "dora"))).isCloseTo(counts(1, 53), within(1e-9));
        assertThat(expertise("guild", "mongo", "dora")).isNull();

        // no evidence is left of the reversed causes
        assertThat(mongo.findById("vote/a1/dora|guild|kafka", Document.class, "knowledge_contributions")).isNull();
        assertThat(mongo.findById("accept/a2|guild|kafka", Document.class, "knowledge_contributions")).isNull();
        assertThat(mongo.findById("endorse/a2/erin|guild|kafka", Document.class, "knowledge_contributions")).isNull();
        assertThat(mongo.findById("skill/bob/axon/erin|guild|axon", Document.class, "knowledge_contributions")).isNull();
        // the deleted answer's evidence is kept, not counted, to count again if it is undeleted
        assertThat(mongo.findById("vote/a3/alice|guild|kafka", Document.class, "knowledge_contributions").getBoolean("active"))
                .isFalse();
        // a question's votes are not expertise; a skill counts only where its topic exists
        assertThat(expertise("guild", "kafka", "alice")).isNull();
        assertThat(expertise("vault", "kafka", "bob")).isNull();
    }

    @Test
    void expertsOfATopicComeWithTheEvidenceThatAddsUpToTheirScore() {
        Page<ExpertView> experts = graph.experts("guild", List.of("kafka"), null, 10, null, 20);

        assertThat(experts.items()).extracting(ExpertView::memberId).containsExactly("bob", "dora");
        ExpertView bob = experts.items().get(0);
        ExpertiseView kafka = bob.topics().get(0);
        assertThat(kafka.topic()).isEqualTo("kafka");
        assertThat(kafka.evidence()).hasSize(6);
        assertThat(kafka.evidence().stream().mapToDouble(KnowledgeEvidenceView::contribution).sum())
                .isCloseTo(bob.score(), within(1e-9));
        // the strongest evidence first, each naming its event, post, actor, time and weight
        assertThat(kafka.evidence()).extracting(KnowledgeEvidenceView::kind).containsExactly(
                "ACCEPTED_ANSWER", "ANSWER_ENDORSEMENT", "SKILL_ENDORSEMENT", "ANSWER_UPVOTE", "ANSWER_UPVOTE", "ANSWER_UPVOTE");
        KnowledgeEvidenceView accepted = kafka.evidence().get(0);
        assertThat(accepted.eventType()).isEqualTo("AnswerAccepted");
        assertThat(accepted.eventId()).isNotBlank();
        assertThat(accepted.postId()).isEqualTo("a1");
        assertThat(accepted.questionId()).isEqualTo("q1");
        assertThat(accepted.actorId()).isEqualTo("alice");
        assertThat(accepted.occurredAt()).isEqualTo(at(7));
        assertThat(accepted.weight()).isEqualTo(4);
        assertThat(accepted.contribution()).isCloseTo(counts(4, 7), within(1e-12));
        assertThat(kafka.evidence().get(2).actorId()).isEqualTo("dora");
        assertThat(kafka.evidence().get(2).postId()).isNull();
    }

    @Test
    void expertsOfSeveralTopicsAreRankedByTheSumAndPaged() {
        Page<ExpertView> first = graph.experts("guild", List.of("Axon", "kafka"), null, 1, null, 0);
        assertThat(first.items()).extracting(ExpertView::memberId).containsExactly("bob");
        assertThat(first.items().get(0).score()).isCloseTo(scoreOf(expertise("guild", "axon", "bob"))
                + scoreOf(expertise("guild", "kafka", "bob")), within(1e-9));
        assertThat(first.items().get(0).topics()).extracting(ExpertiseView::evidence).allMatch(List::isEmpty);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.totalCount()).isEqualTo(3);

        Page<ExpertView> second = graph.experts("guild", List.of("axon", "kafka"), null, 1, first.endCursor(), 0);
        assertThat(second.items()).extracting(ExpertView::memberId).containsExactly("dora");
        assertThat(second.hasNextPage()).isTrue();
        Page<ExpertView> third = graph.experts("guild", List.of("axon", "kafka"), null, 1, second.endCursor(), 0);
        // chen's kafka score is negative: only axon counts for him
        assertThat(third.items()).extracting(ExpertView::memberId).containsExactly("chen");
        assertThat(third.items().get(0).topics()).extracting(ExpertiseView::topic).containsExactly("axon");
        assertThat(third.hasNextPage()).isFalse();

        // a synonym asks for its master
        assertThat(graph.experts("guild", List.of("mongo"), null, 10, null, 1).items())
                .extracting(ExpertView::memberId).containsExactly("dora", "chen");
    }

    @Test
    void suggestedAnswerersAreExpertsAndRecentlyActiveMembersButNeverTheAskerNorAnAnswerer() {
        Page<ExpertSuggestionView> forQ4 = graph.suggestedAnswerers("q4", null, 10, null);
        assertThat(forQ4.items()).extracting(ExpertSuggestionView::memberId).containsExactly("bob", "dora", "chen");
        ExpertSuggestionView bob = forQ4.items().get(0);
        assertThat(bob.expertise()).isCloseTo(scoreOf(expertise("guild", "kafka", "bob")), within(1e-9));
        assertThat(bob.lastActiveAt()).isEqualTo(at(72));
        assertThat(bob.topics()).extracting(ExpertiseView::topic).containsExactly("kafka");
        assertThat(bob.topics().get(0).evidence()).extracting(KnowledgeEvidenceView::kind)
                .containsExactly("ACCEPTED_ANSWER", "ANSWER_ENDORSEMENT", "SKILL_ENDORSEMENT");
        ExpertSuggestionView chen = forQ4.items().get(2);
        assertThat(chen.expertise()).isZero();
        assertThat(chen.lastActiveAt()).isEqualTo(at(242));
        assertThat(chen.recentActivity()).isCloseTo(Math.pow(2, -(720.0 - 242) / (14 * 24)), within(1e-9));

        // q5 was asked by dora and answered by chen
        assertThat(graph.suggestedAnswerers("q5", null, 10, null).items()).extracting(ExpertSuggestionView::memberId)
                .containsExactly("bob");
    }

    @Test
    void relatedTopicsCountTheQuestionsTheyShare() {
        assertThat(graph.relatedTopics("guild", "kafka", null, 10, null).items())
                .extracting(r -> r.topic() + "=" + r.questionCount()).containsExactly("axon=2", "mongodb=1");
        // q3 was retagged from mongo (now a synonym of mongodb) to mongodb and axon; q6 was asked with mongo and kafka
        assertThat(graph.relatedTopics("guild", "mongo", null, 10, null).items())
                .extracting(r -> r.relatedTo() + ">" + r.topic() + "=" + r.questionCount())
                .containsExactly("mongodb>axon=1", "mongodb>kafka=1");
        assertThat(graph.relatedTopics("guild", "axon", null, 10, null).items())
                .extracting(r -> r.topic() + "=" + r.questionCount()).containsExactly("kafka=2", "mongodb=1");
    }

    @Test
    void aMembersProfileShowsAPrivateCommunityOnlyToItsMembers() {
        assertThat(graph.expertiseProfile("bob", null, 10, null, 1).items())
                .extracting(e -> e.communityId() + "/" + e.topic()).containsExactly("guild/kafka", "guild/axon");
        assertThat(graph.expertiseProfile("bob", "dora", 10, null, 1).items()).hasSize(2);
        List<ExpertiseView> seenByOlga = graph.expertiseProfile("bob", "olga", 10, null, 1).items();
        assertThat(seenByOlga).extracting(e -> e.communityId() + "/" + e.topic())
                .containsExactlyInAnyOrder("guild/kafka", "guild/axon", "vault/axon");

        assertThat(graph.experts("vault", List.of("axon"), "olga", 10, null, 5).items())
                .extracting(ExpertView::memberId).containsExactly("bob");
        assertRejected(() -> graph.experts("vault", List.of("axon"), "dora", 10, null, 5), "PRIVATE_COMMUNITY");
        assertRejected(() -> graph.experts("vault", List.of("axon"), null, 10, null, 5), "PRIVATE_COMMUNITY");
        assertRejected(() -> graph.suggestedAnswerers("q9", "dora", 10, null), "PRIVATE_COMMUNITY");
        assertRejected(() -> graph.relatedTopics("vault", "axon", null, 10, null), "PRIVATE_COMMUNITY");
        // the only tie between bob and olga is in the vault
        assertThat(graph.connection("bob", "olga", "dora")).isEmpty();
        assertThat(graph.connection("bob", "olga", "olga")).isPresent();
    }

    @Test
    void twoMembersAreConnectedThroughSharedThreadsAndTopicsWithTheEdgesEvidence() {
        KnowledgeConnectionView direct = graph.connection("bob", "chen", null).orElseThrow();
        assertThat(direct.nodes()).extracting(KnowledgeNodeView::kind).containsExactly("MEMBER", "QUESTION", "MEMBER");
        assertThat(direct.nodes().get(1).id()).isIn("q1", "q2");
        assertThat(direct.edges()).hasSize(2).allSatisfy(edge -> {
            assertThat(edge.kind()).isEqualTo("PARTICIPATION");
            assertThat(edge.evidence()).extracting(KnowledgeEvidenceView::kind).containsExactly("ANSWERED");
        });

        // dora and erin share nothing; chen answered dora's q2 and erin's q3
        KnowledgeConnectionView viaChen = graph.connection("dora", "erin", null).orElseThrow();
        assertThat(viaChen.nodes()).extracting(KnowledgeNodeView::kind)
                .containsExactly("MEMBER", "QUESTION", "MEMBER", "QUESTION", "MEMBER");
        assertThat(viaChen.nodes().get(2).id()).isEqualTo("chen");
        assertThat(viaChen.nodes().get(3).id()).isEqualTo("q3");
        assertThat(viaChen.nodes().get(3).name()).isEqualTo("Which index serves this query?");
        assertThat(viaChen.edges()).extracting(e -> e.memberId() + "-" + e.nodeId())
                .containsExactly("dora-" + viaChen.nodes().get(1).id(), "chen-" + viaChen.nodes().get(1).id(),
                        "chen-q3", "erin-q3");
        assertThat(viaChen.edges()).allSatisfy(edge -> assertThat(edge.evidence()).isNotEmpty()
                .allSatisfy(evidence -> assertThat(evidence.eventId()).isNotBlank()));
    }

    @Test
    void badQuestionsAreRefusedWithACode() {
        assertRejected(() -> graph.experts("guild", List.of(), null, 10, null, 5), "MISSING_TOPICS");
        assertRejected(() -> graph.experts("guild", List.of("a", "b", "c", "d", "e", "f"), null, 10, null, 5), "TOO_MANY_TOPICS");
        assertRejected(() -> graph.experts("guild", List.of("a/b"), null, 10, null, 5), "INVALID_TOPIC");
        assertRejected(() -> graph.experts("guild", List.of("kafka"), null, 0, null, 5), "INVALID_PAGE_SIZE");
        assertRejected(() -> graph.experts("guild", List.of("kafka"), null, 10, "nonsense", 5), "INVALID_CURSOR");
        assertRejected(() -> graph.experts("guild", List.of("kafka"), null, 10, null, 21), "INVALID_EVIDENCE_LIMIT");
        assertRejected(() -> graph.experts("nowhere", List.of("kafka"), null, 10, null, 5), "UNKNOWN_COMMUNITY");
        assertRejected(() -> graph.suggestedAnswerers("q404", null, 10, null), "UNKNOWN_QUESTION");
        assertRejected(() -> graph.connection("bob", "bob", null), "SAME_MEMBER");
    }

    private static void assertRejected(Runnable query, String code) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(QueryRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
