package dev.praxis.command.member;

import static dev.praxis.api.community.CommunityRole.MEMBER;

import dev.praxis.api.member.EndorseSkill;
import dev.praxis.api.member.EraseMember;
import dev.praxis.api.member.MemberErased;
import dev.praxis.api.member.FollowMember;
import dev.praxis.api.member.FollowQuestion;
import dev.praxis.api.member.FollowTag;
import dev.praxis.api.member.MemberFollowed;
import dev.praxis.api.member.MemberUnfollowed;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.member.QuestionFollowed;
import dev.praxis.api.member.QuestionUnfollowed;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.member.TagFollowed;
import dev.praxis.api.member.TagUnfollowed;
import dev.praxis.api.member.UnfollowMember;
import dev.praxis.api.member.UnfollowQuestion;
import dev.praxis.api.member.UnfollowTag;
import dev.praxis.api.member.UpdateProfile;
import dev.praxis.api.member.WithdrawSkillEndorsement;
import dev.praxis.command.shared.CommandRejectedException;
import dev.praxis.command.tag.InMemoryTagDirectory;
import dev.praxis.command.tag.RejectedWith;
import dev.praxis.command.tag.TestCommunities;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        Set<String> members = Set.of("alice", "bob", "chen");
        Set<String> questions = Set.of("q1");
        fixture.registerInjectableResource((MemberDirectory) members::contains);
        fixture.registerInjectableResource((QuestionLookup) questions::contains);
        fixture.registerInjectableResource(new TestCommunities.Directory().with("c1", "alice", MEMBER));
        fixture.registerInjectableResource(new InMemoryTagDirectory().withTag("c1", "axon").withTag("c1", "spring")
                .withSynonym("c1", "springframework", "spring"));
    }

    private static ProfileUpdated profile() {
        return new ProfileUpdated("alice", "Alice Adams", "I *ship* on the JVM.", List.of("java", "axon"), "alice", T0);
    }

    private static void rejected(ResultValidator<Member> result, String code) {
        result.expectException(CommandRejectedException.class).expectException(RejectedWith.code(code)).expectNoEvents();
    }

    @Nested
    class Profile {

        @Test
        void theFirstUpdateCreatesTheProfileWithNormalisedSkills() {
            fixture.givenNoPriorActivity()
                    .when(new UpdateProfile("alice", " Alice Adams ", "I *ship* on the JVM.", List.of("Java", "axon", "java"), "alice", T0))
                    .expectEvents(profile());
        }

        @Test
        void aLaterUpdateReplacesIt() {
            fixture.given(profile())
                    .when(new UpdateProfile("alice", "Alice", null, List.of(), "alice", T0))
                    .expectEvents(new ProfileUpdated("alice", "Alice", null, List.of(), "alice", T0));
        }

        @Test
        void onlyTheMemberUpdatesTheirProfile() {
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "Alice", null, null, "bob", T0)),
                    "NOT_YOURSELF");
        }

        @Test
        void anEmptyDisplayNameIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", " ", null, null, "alice", T0)),
                    "DISPLAY_NAME_EMPTY");
        }

        @Test
        void anOversizedDisplayNameIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "a".repeat(81), null, null, "alice", T0)),
                    "DISPLAY_NAME_TOO_LONG");
        }

        @Test
        void anOversizedBioIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "Alice", "b".repeat(2_001), null, "alice", T0)),
                    "BIO_TOO_LONG");
        }

        @Test
        void anInvalidSkillIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "Alice", null, List.of("two words"), "alice", T0)),
                    "INVALID_SKILL");
        }

        @Test
        void thirtyOneSkillsAreTooMany() {
            List<String> skills = IntStream.rangeClosed(1, 31).mapToObj(i -> "skill" + i).toList();
            rejected(fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "Alice", null, skills, "alice", T0)),
                    "TOO_MANY_SKILLS");
        }

        @Test
        void thirtySkillsAreFine() {
            List<String> skills = IntStream.rangeClosed(1, 30).mapToObj(i -> "skill" + i).toList();
            fixture.givenNoPriorActivity().when(new UpdateProfile("alice", "Alice", null, skills, "alice", T0))
                    .expectEvents(new ProfileUpdated("alice", "Alice", null, skills, "alice", T0));
        }
    }

    @Nested
    class FollowingMembers {

        @Test
        void aMemberFollowsAnother() {
            fixture.givenNoPriorActivity().when(new FollowMember("alice", "bob", "alice", T0))
                    .expectEvents(new MemberFollowed("alice", "bob", "alice", T0));
        }

        @Test
        void nobodyFollowsThemselves() {
            rejected(fixture.givenNoPriorActivity().when(new FollowMember("alice", "alice", "alice", T0)), "CANNOT_FOLLOW_SELF");
        }

        @Test
        void anUnknownMemberCannotBeFollowed() {
            rejected(fixture.givenNoPriorActivity().when(new FollowMember("alice", "zed", "alice", T0)), "UNKNOWN_MEMBER");
        }

        @Test
        void aMemberIsFollowedOnce() {
            rejected(fixture.given(new MemberFollowed("alice", "bob", "alice", T0))
                    .when(new FollowMember("alice", "bob", "alice", T0)), "ALREADY_FOLLOWING");
        }

        @Test
        void onlyTheFollowerFollows() {
            rejected(fixture.givenNoPriorActivity().when(new FollowMember("alice", "bob", "chen", T0)), "NOT_YOURSELF");
        }

        @Test
        void aMemberUnfollows() {
            fixture.given(new MemberFollowed("alice", "bob", "alice", T0))
                    .when(new UnfollowMember("alice", "bob", "alice", T0))
                    .expectEvents(new MemberUnfollowed("alice", "bob", "alice", T0));
        }

        @Test
        void unfollowingSomeoneNotFollowedIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UnfollowMember("alice", "bob", "alice", T0)), "NOT_FOLLOWING");
        }

        @Test
        void onlyTheFollowerUnfollows() {
            rejected(fixture.given(new MemberFollowed("alice", "bob", "alice", T0))
                    .when(new UnfollowMember("alice", "bob", "bob", T0)), "NOT_YOURSELF");
        }
    }

    @Nested
    class FollowingTags {

        @Test
        void aMemberFollowsATag() {
            fixture.givenNoPriorActivity().when(new FollowTag("alice", "c1", "Axon", "alice", T0))
                    .expectEvents(new TagFollowed("alice", "c1", "axon", "alice", T0));
        }

        @Test
        void followingASynonymFollowsItsMaster() {
            fixture.givenNoPriorActivity().when(new FollowTag("alice", "c1", "springframework", "alice", T0))
                    .expectEvents(new TagFollowed("alice", "c1", "spring", "alice", T0));
        }

        @Test
        void anUnknownTagIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FollowTag("alice", "c1", "kotlin", "alice", T0)), "UNKNOWN_TAG");
        }

        @Test
        void anUnknownCommunityIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FollowTag("alice", "c9", "axon", "alice", T0)), "UNKNOWN_COMMUNITY");
        }

        @Test
        void anInvalidTagIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FollowTag("alice", "c1", "no spaces", "alice", T0)), "INVALID_TAG");
        }

        @Test
        void aTagIsFollowedOnce() {
            rejected(fixture.given(new TagFollowed("alice", "c1", "axon", "alice", T0))
                    .when(new FollowTag("alice", "c1", "axon", "alice", T0)), "ALREADY_FOLLOWING");
        }

        @Test
        void onlyTheFollowerFollowsATag() {
            rejected(fixture.givenNoPriorActivity().when(new FollowTag("alice", "c1", "axon", "bob", T0)), "NOT_YOURSELF");
        }

        @Test
        void aMemberUnfollowsATag() {
            fixture.given(new TagFollowed("alice", "c1", "axon", "alice", T0))
                    .when(new UnfollowTag("alice", "c1", "axon", "alice", T0))
                    .expectEvents(new TagUnfollowed("alice", "c1", "axon", "alice", T0));
        }

        @Test
        void unfollowingATagNotFollowedIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UnfollowTag("alice", "c1", "axon", "alice", T0)), "NOT_FOLLOWING");
        }
    }

    @Nested
    class FollowingQuestions {

        @Test
        void aMemberFollowsAQuestion() {
            fixture.givenNoPriorActivity().when(new FollowQuestion("alice", "q1", "alice", T0))
                    .expectEvents(new QuestionFollowed("alice", "q1", "alice", T0));
        }

        @Test
        void anUnknownQuestionIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new FollowQuestion("alice", "q9", "alice", T0)), "UNKNOWN_QUESTION");
        }

        @Test
        void aQuestionIsFollowedOnce() {
            rejected(fixture.given(new QuestionFollowed("alice", "q1", "alice", T0))
                    .when(new FollowQuestion("alice", "q1", "alice", T0)), "ALREADY_FOLLOWING");
        }

        @Test
        void onlyTheFollowerFollowsAQuestion() {
            rejected(fixture.givenNoPriorActivity().when(new FollowQuestion("alice", "q1", "bob", T0)), "NOT_YOURSELF");
        }

        @Test
        void aMemberUnfollowsAQuestion() {
            fixture.given(new QuestionFollowed("alice", "q1", "alice", T0))
                    .when(new UnfollowQuestion("alice", "q1", "alice", T0))
                    .expectEvents(new QuestionUnfollowed("alice", "q1", "alice", T0));
        }

        @Test
        void unfollowingAQuestionNotFollowedIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new UnfollowQuestion("alice", "q1", "alice", T0)), "NOT_FOLLOWING");
        }
    }

    @Nested
    class SkillEndorsements {

        @Test
        void aMemberEndorsesADeclaredSkill() {
            fixture.given(profile()).when(new EndorseSkill("alice", "Java", " Built our event store. ", "bob", T0))
                    .expectEvents(new SkillEndorsed("alice", "java", "Built our event store.", "bob", T0));
        }

        @Test
        void anUndeclaredSkillIsRefused() {
            rejected(fixture.given(profile()).when(new EndorseSkill("alice", "cobol", null, "bob", T0)), "SKILL_NOT_DECLARED");
        }

        @Test
        void aMemberWithoutProfileHasNoSkillsToEndorse() {
            rejected(fixture.givenNoPriorActivity().when(new EndorseSkill("chen", "java", null, "bob", T0)), "SKILL_NOT_DECLARED");
        }

        @Test
        void anUnknownMemberIsRefused() {
            rejected(fixture.givenNoPriorActivity().when(new EndorseSkill("zed", "java", null, "bob", T0)), "UNKNOWN_MEMBER");
        }

        @Test
        void nobodyEndorsesThemselves() {
            rejected(fixture.given(profile()).when(new EndorseSkill("alice", "java", null, "alice", T0)), "OWN_SKILL");
        }

        @Test
        void aSkillIsEndorsedOncePerEndorser() {
            rejected(fixture.given(profile(), new SkillEndorsed("alice", "java", null, "bob", T0))
                    .when(new EndorseSkill("alice", "java", null, "bob", T0)), "ALREADY_ENDORSED");
        }

        @Test
        void anotherEndorserMayEndorseTheSameSkill() {
            fixture.given(profile(), new SkillEndorsed("alice", "java", null, "bob", T0))
                    .when(new EndorseSkill("alice", "java", null, "chen", T0))
                    .expectEvents(new SkillEndorsed("alice", "java", null, "chen", T0));
        }

        @Test
        void anOversizedNoteIsRefused() {
            rejected(fixture.given(profile()).when(new EndorseSkill("alice", "java", "n".repeat(501), "bob", T0)),
                    "NOTE_TOO_LONG");
        }

        @Test
        void anInvalidSkillIsRefused() {
            rejected(fixture.given(profile()).when(new EndorseSkill("alice", "two words", null, "bob", T0)), "INVALID_SKILL");
        }

        @Test
        void anEndorserWithdraws() {
            fixture.given(profile(), new SkillEndorsed("alice", "java", null, "bob", T0))
                    .when(new WithdrawSkillEndorsement("alice", "java", "bob", T0))
                    .expectEvents(new SkillEndorsementWithdrawn("alice", "java", "bob", T0));
        }

        @Test
        void withdrawingWithoutEndorsementIsRefused() {
            rejected(fixture.given(profile(), new SkillEndorsed("alice", "java", null, "bob", T0))
                    .when(new WithdrawSkillEndorsement("alice", "java", "chen", T0)), "NO_ENDORSEMENT");
        }

        @Test
        void aWithdrawnEndorsementCanBeGivenAgain() {
            fixture.given(profile(), new SkillEndorsed("alice", "java", null, "bob", T0),
                            new SkillEndorsementWithdrawn("alice", "java", "bob", T0))
                    .when(new EndorseSkill("alice", "java", null, "bob", T0))
                    .expectEvents(new SkillEndorsed("alice", "java", null, "bob", T0));
        }
    }

    @Nested
    class Erasure {

        @Test
        void aMemberErasesThemselves() {
            fixture.given(profile())
                    .when(new EraseMember("alice", "alice", T0))
                    .expectEvents(new MemberErased("alice", "alice", T0));
        }

        @Test
        void aMemberWithoutAProfileCanBeErasedToo() {
            fixture.givenNoPriorActivity()
                    .when(new EraseMember("alice", "alice", T0))
                    .expectEvents(new MemberErased("alice", "alice", T0));
        }

        @Test
        void nobodyErasesSomeoneElse() {
            rejected(fixture.given(profile()).when(new EraseMember("alice", "bob", T0)), "NOT_YOURSELF");
        }

        @Test
        void anErasureHappensOnce() {
            rejected(fixture.given(profile(), new MemberErased("alice", "alice", T0))
                    .when(new EraseMember("alice", "alice", T0)), "MEMBER_ERASED");
        }

        @Test
        void anErasedMembersSkillsAreEndorsedNoMore() {
            rejected(fixture.given(profile(), new MemberErased("alice", "alice", T0))
                    .when(new EndorseSkill("alice", "java", null, "bob", T0)), "MEMBER_ERASED");
        }
    }
}
