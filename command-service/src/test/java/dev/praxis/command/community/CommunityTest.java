package dev.praxis.command.community;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommunityTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-05T10:00:00Z");

    private AggregateTestFixture<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
    }

    @Test
    void creatingACommunityMakesTheFounderItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "  Java Practitioners ", "JVM people", null, "alice", "Alice Adams", T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CommunityCreated("c1", "Java Practitioners", "JVM people", PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                        new MemberJoinedCommunity("c1", "alice", "Alice Adams", CommunityRole.OWNER, "alice", T0));
    }

    @Test
    void aCommunityMayChooseTheTeamPreset() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "Platform Team", null, PrivilegePreset.TEAM, "alice", "Alice", T0))
                .expectEvents(
                        new CommunityCreated("c1", "Platform Team", null, PrivilegePreset.TEAM, "alice", T0),
                        new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T0));
    }

    @Test
    void aCommunityMayBeFoundedPrivate() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "Platform Team", null, null, CommunityVisibility.PRIVATE, "alice", "Alice", T0))
                .expectEvents(
                        new CommunityCreated("c1", "Platform Team", null, PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                        new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T0),
                        new CommunityVisibilityChanged("c1", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "alice", T0));
    }

    @Test
    void anExplicitlyPublicCommunityNeedsNoVisibilityEvent() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "Platform Team", null, null, CommunityVisibility.PUBLIC, "alice", "Alice", T0))
                .expectEvents(
                        new CommunityCreated("c1", "Platform Team", null, PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                        new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T0));
    }

    @Test
    void aFounderWithoutANameShowsTheirId() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "Java Practitioners", null, null, "alice", " ", T0))
                .expectEvents(
                        new CommunityCreated("c1", "Java Practitioners", null, PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                        new MemberJoinedCommunity("c1", "alice", "alice", CommunityRole.OWNER, "alice", T0));
    }

    @Test
    void aCommunityNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "  ", null, null, "alice", "Alice", T0))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("The name must not be empty.")
                .expectNoEvents();
    }

    @Test
    void aCommunityNameHasBounds() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "ab", null, null, "alice", "Alice", T0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity("c1", "x".repeat(81), null, null, "alice", "Alice", T0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aCommunityNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateCommunity(null, "Java Practitioners", null, null, "alice", "Alice", T0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberJoins() {
        fixture.given(created())
                .when(new JoinCommunity("c1", "bob", "Bob Brown", T1))
                .expectEvents(new MemberJoinedCommunity("c1", "bob", "Bob Brown", CommunityRole.MEMBER, "bob", T1));
    }

    @Test
    void aMemberCannotJoinTwice() {
        fixture.given(created(), new MemberJoinedCommunity("c1", "bob", "Bob", CommunityRole.MEMBER, "bob", T1))
                .when(new JoinCommunity("c1", "bob", "Bob", T1))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("You are already a member of this community.")
                .expectNoEvents();
    }

    @Test
    void theOwnerIsAlreadyAMember() {
        fixture.given(created(), new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T0))
                .when(new JoinCommunity("c1", "alice", "Alice", T1))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    private static CommunityCreated created() {
        return new CommunityCreated("c1", "Java Practitioners", null, PrivilegePreset.STACK_OVERFLOW, "alice", T0);
    }
}
