package dev.praxis.command.tag;

import static dev.praxis.api.community.CommunityRole.MEMBER;

import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.command.question.Question;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking a question maps synonyms to their master and needs CREATE_TAG for a tag that does not exist yet. */
class AskingWithTagsTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final String TITLE = "How do I replay a single Axon projection?";
    private static final String BODY = "Details.";

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        TestCommunities.Directory communities = new TestCommunities.Directory()
                .with("c1", "expert", MEMBER).with("c1", "newbie", MEMBER);
        fixture.registerInjectableResource(communities);
        fixture.registerInjectableResource(new TestCommunities.Reputation(communities).with("expert", 1_500));
        fixture.registerInjectableResource(new InMemoryTagDirectory().withTag("c1", "spring").withTag("c1", "java")
                .withSynonym("c1", "springframework", "spring"));
    }

    @Test
    void synonymsBecomeTheirMasterWithoutDuplicates() {
        fixture.givenNoPriorActivity()
                .when(new AskQuestion("q1", "c1", TITLE, BODY, List.of("SpringFramework", "java", "spring"), "newbie", T0))
                .expectEvents(new QuestionAsked("q1", "c1", TITLE, BODY, List.of("spring", "java"), "newbie", T0));
    }

    @Test
    void aNewTagNeedsCreateTag() {
        fixture.givenNoPriorActivity()
                .when(new AskQuestion("q1", "c1", TITLE, BODY, List.of("java", "kotlin"), "newbie", T0))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("You need 1500 reputation.")
                .expectNoEvents();
    }

    @Test
    void aMemberWithCreateTagCreatesTheTagByAsking() {
        fixture.givenNoPriorActivity()
                .when(new AskQuestion("q1", "c1", TITLE, BODY, List.of("kotlin"), "expert", T0))
                .expectEvents(new QuestionAsked("q1", "c1", TITLE, BODY, List.of("kotlin"), "expert", T0));
    }
}
