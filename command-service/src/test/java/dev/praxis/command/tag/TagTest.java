package dev.praxis.command.tag;

import static dev.praxis.api.community.CommunityRole.MEMBER;
import static dev.praxis.api.community.CommunityRole.MODERATOR;

import dev.praxis.api.tag.AddTagSynonym;
import dev.praxis.api.tag.CreateTag;
import dev.praxis.api.tag.EditTagDescription;
import dev.praxis.api.tag.RemoveTagSynonym;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TagTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final String AXON = "c1/axon";

    private AggregateTestFixture<Tag> fixture;
    private InMemoryTagDirectory tags;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tag.class);
        TestCommunities.Directory communities = new TestCommunities.Directory()
                .with("c1", "mod", MODERATOR).with("c1", "expert", MEMBER).with("c1", "editor", MEMBER)
                .with("c1", "curator", MEMBER).with("c1", "newbie", MEMBER);
        tags = new InMemoryTagDirectory().withTag("c1", "java").withTag("c1", "spring")
                .withSynonym("c1", "springframework", "spring");
        fixture.registerInjectableResource(communities);
        fixture.registerInjectableResource(new TestCommunities.Reputation(communities)
                .with("expert", 1_500).with("editor", 2_000).with("curator", 2_500).with("newbie", 15));
        fixture.registerInjectableResource(tags);
    }

    private static TagCreated created() {
        return new TagCreated(AXON, "c1", "axon", "Axon Framework", "expert", T0);
    }

    private static void rejected(ResultValidator<Tag> result, String code) {
        result.expectException(CommandRejectedException.class)
                .expectException(RejectedWith.code(code))
                .expectNoEvents();
    }

    @Nested
    class Creating {

        @Test
        void aMemberWithCreateTagCreatesANormalisedTag() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTag(AXON, "c1", " Axon ", " Axon Framework ", "expert", T0))
                    .expectEvents(created());
        }

        @Test
        void aModeratorCreatesWithoutReputation() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTag(AXON, "c1", "axon", null, "mod", T0))
                    .expectEvents(new TagCreated(AXON, "c1", "axon", null, "mod", T0));
        }

        @Test
        void creatingNeedsThePrivilege() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag(AXON, "c1", "axon", null, "newbie", T0)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void anInvalidNameIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag("c1/no spaces", "c1", "no spaces", null, "expert", T0)),
                    "INVALID_TAG");
        }

        @Test
        void theIdMustMatchCommunityAndName() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag("c1/other", "c1", "axon", null, "expert", T0)),
                    "TAG_ID_MISMATCH");
        }

        @Test
        void anOversizedDescriptionIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag(AXON, "c1", "axon", "d".repeat(2_001), "expert", T0)),
                    "DESCRIPTION_TOO_LONG");
        }

        @Test
        void anUnknownCommunityIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag("c9/axon", "c9", "axon", null, "expert", T0)),
                    "UNKNOWN_COMMUNITY");
        }

        @Test
        void aNonMemberCannotCreate() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag(AXON, "c1", "axon", null, "eve", T0)),
                    "NOT_A_MEMBER");
        }

        @Test
        void aTagIsCreatedOnce() {
            rejected(fixture.given(created()).when(new CreateTag(AXON, "c1", "axon", null, "expert", T0)), "TAG_EXISTS");
        }

        @Test
        void aTagThatQuestionsCreatedExistsAlready() {
            rejected(fixture.givenNoPriorActivity().when(new CreateTag("c1/java", "c1", "java", null, "expert", T0)),
                    "TAG_EXISTS");
        }

        @Test
        void aSynonymCannotBecomeATag() {
            rejected(fixture.givenNoPriorActivity()
                    .when(new CreateTag("c1/springframework", "c1", "springframework", null, "expert", T0)), "TAG_IS_SYNONYM");
        }
    }

    @Nested
    class Describing {

        @Test
        void anEditorSetsTheDescription() {
            fixture.given(created())
                    .when(new EditTagDescription(AXON, "c1", "axon", "CQRS and event sourcing", "editor", T0))
                    .expectEvents(new TagDescriptionEdited(AXON, "c1", "axon", "CQRS and event sourcing", "editor", T0));
        }

        @Test
        void aModeratorDescribesATagThatQuestionsCreated() {
            fixture.givenNoPriorActivity()
                    .when(new EditTagDescription("c1/java", "c1", "java", "The language", "mod", T0))
                    .expectEvents(new TagDescriptionEdited("c1/java", "c1", "java", "The language", "mod", T0));
        }

        @Test
        void describingNeedsThePrivilege() {
            rejected(fixture.given(created()).when(new EditTagDescription(AXON, "c1", "axon", "x", "expert", T0)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void anUnknownTagIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new EditTagDescription("c1/kotlin", "c1", "kotlin", "x", "editor", T0)),
                    "UNKNOWN_TAG");
        }

        @Test
        void theSameDescriptionIsNoChange() {
            rejected(fixture.given(created()).when(new EditTagDescription(AXON, "c1", "axon", "Axon Framework", "editor", T0)),
                    "DESCRIPTION_UNCHANGED");
        }

        @Test
        void anOversizedDescriptionIsRefused() {
            rejected(fixture.given(created()).when(new EditTagDescription(AXON, "c1", "axon", "d".repeat(2_001), "editor", T0)),
                    "DESCRIPTION_TOO_LONG");
        }
    }

    @Nested
    class Synonyms {

        @Test
        void aCuratorAddsASynonym() {
            fixture.given(created())
                    .when(new AddTagSynonym(AXON, "c1", "axon", "Axon-Framework", "curator", T0))
                    .expectEvents(new TagSynonymAdded(AXON, "c1", "axon", "axon-framework", "curator", T0));
        }

        @Test
        void addingASynonymNeedsThePrivilege() {
            rejected(fixture.given(created()).when(new AddTagSynonym(AXON, "c1", "axon", "axonframework", "editor", T0)),
                    "MISSING_PRIVILEGE");
        }

        @Test
        void aTagIsNoSynonymOfItself() {
            rejected(fixture.given(created()).when(new AddTagSynonym(AXON, "c1", "axon", "axon", "curator", T0)),
                    "SYNONYM_OF_ITSELF");
        }

        @Test
        void aSynonymIsAddedOnce() {
            rejected(fixture.given(created(), new TagSynonymAdded(AXON, "c1", "axon", "axonframework", "curator", T0))
                    .when(new AddTagSynonym(AXON, "c1", "axon", "axonframework", "curator", T0)), "ALREADY_SYNONYM");
        }

        @Test
        void aSynonymMapsToOneMaster() {
            rejected(fixture.given(created()).when(new AddTagSynonym(AXON, "c1", "axon", "springframework", "curator", T0)),
                    "SYNONYM_TAKEN");
        }

        @Test
        void aSynonymGetsNoSynonymsOfItsOwn() {
            tags.withTag("c1", "springframework");
            rejected(fixture.givenNoPriorActivity()
                    .when(new AddTagSynonym("c1/springframework", "c1", "springframework", "spring-framework", "curator", T0)),
                    "SYNONYM_CHAIN");
        }

        @Test
        void aMasterCannotBecomeASynonym() {
            rejected(fixture.given(created()).when(new AddTagSynonym(AXON, "c1", "axon", "spring", "curator", T0)),
                    "SYNONYM_CHAIN");
        }

        @Test
        void anUnknownMasterIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new AddTagSynonym("c1/kotlin", "c1", "kotlin", "kt", "curator", T0)),
                    "UNKNOWN_TAG");
        }

        @Test
        void anInvalidSynonymIsRefused() {
            rejected(fixture.given(created()).when(new AddTagSynonym(AXON, "c1", "axon", "not valid", "curator", T0)),
                    "INVALID_TAG");
        }

        @Test
        void aCuratorRemovesASynonym() {
            fixture.given(created(), new TagSynonymAdded(AXON, "c1", "axon", "axonframework", "curator", T0))
                    .when(new RemoveTagSynonym(AXON, "c1", "axon", "axonframework", "curator", T0))
                    .expectEvents(new TagSynonymRemoved(AXON, "c1", "axon", "axonframework", "curator", T0));
        }

        @Test
        void removingNeedsThePrivilege() {
            rejected(fixture.given(created(), new TagSynonymAdded(AXON, "c1", "axon", "axonframework", "curator", T0))
                    .when(new RemoveTagSynonym(AXON, "c1", "axon", "axonframework", "editor", T0)), "MISSING_PRIVILEGE");
        }

        @Test
        void removingAnUnknownSynonymIsRefused() {
            rejected(fixture.given(created()).when(new RemoveTagSynonym(AXON, "c1", "axon", "axonframework", "curator", T0)),
                    "UNKNOWN_SYNONYM");
        }
    }
}
