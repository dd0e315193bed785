package dev.praxis.command.community;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.reputation.ChangeReputationRules;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChangeReputationRules on the Community aggregate: owners only, valid values, versions counting up. */
class ReputationRulesCommandTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-06T09:00:00Z");

    private AggregateTestFixture<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
    }

    private Object[] founded() {
        return new Object[] {
                new CommunityCreated("c1", "Java", null, PrivilegePreset.STACK_OVERFLOW, "alice", T0),
                new MemberJoinedCommunity("c1", "alice", "Alice", CommunityRole.OWNER, "alice", T0),
                new MemberJoinedCommunity("c1", "mo", "Mo", CommunityRole.MODERATOR, "mo", T0)};
    }

    @Test
    void anOwnerSetsValuesOnTopOfTheCurrentRulesAsVersionTwo() {
        Map<ReputationRule, Integer> expected = new EnumMap<>(ReputationPreset.STACK_OVERFLOW.ruleValues());
        expected.put(ReputationRule.DAILY_VOTE_CAP, 300);
        fixture.given(founded())
                .when(new ChangeReputationRules("c1", null, Map.of(ReputationRule.DAILY_VOTE_CAP, 300), "alice", T1))
                .expectEvents(new ReputationRulesChanged("c1", 2, ReputationPreset.STACK_OVERFLOW, expected, "alice", T1));
    }

    @Test
    void aPresetReplacesEveryValueAndTheVersionCountsOn() {
        Map<ReputationRule, Integer> earlier = new EnumMap<>(ReputationPreset.STACK_OVERFLOW.ruleValues());
        earlier.put(ReputationRule.EDIT, 5);
        fixture.given(founded())
                .andGiven(new ReputationRulesChanged("c1", 2, ReputationPreset.STACK_OVERFLOW, earlier, "alice", T0))
                .when(new ChangeReputationRules("c1", ReputationPreset.TEAM, null, "alice", T1))
                .expectEvents(new ReputationRulesChanged("c1", 3, ReputationPreset.TEAM,
                        new EnumMap<>(ReputationPreset.TEAM.ruleValues()), "alice", T1));
    }

    @Test
    void onlyOwnersChangeTheRules() {
        fixture.given(founded())
                .when(new ChangeReputationRules("c1", ReputationPreset.TEAM, null, "mo", T1))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Only an owner can change the community's reputation rules.");
    }

    @Test
    void valuesOutOfRangeAndNoChangeAreRefused() {
        fixture.given(founded())
                .when(new ChangeReputationRules("c1", null, Map.of(ReputationRule.DOWNVOTE_RECEIVED, 3), "alice", T1))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        fixture.given(founded())
                .when(new ChangeReputationRules("c1", null, Map.of(ReputationRule.EDIT, 2), "alice", T1))
                .expectNoEvents()
                .expectExceptionMessage("These are the community's reputation rules already.");
        fixture.given(founded())
                .when(new ChangeReputationRules("c1", null, null, "alice", T1))
                .expectNoEvents()
                .expectExceptionMessage("Name a preset or at least one rule value.");
    }
}
