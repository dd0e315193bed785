package dev.praxis.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CommunityVisibilityChanged;
import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.query.ProjectionHarness;
import dev.praxis.query.community.CommunityMemberProjection;
import dev.praxis.query.community.CommunityProjection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may read a community, judged on the read models that the community projections leave. */
class ReadAccessTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(
            new CommunityProjection(mongo), new CommunityMemberProjection(mongo)));

    static ReadAccess access;

    @BeforeAll
    static void project() throws Exception {
        harness.project("access", List.of(
                event(new CommunityCreated("open", "Open", null, PrivilegePreset.TEAM, "olga", T)),
                event(new CommunityCreated("secret", "Secret", null, PrivilegePreset.TEAM, "olga", T)),
                event(new CommunityVisibilityChanged("secret", CommunityVisibility.PUBLIC, CommunityVisibility.PRIVATE, "olga", T)),
                event(new MemberJoinedCommunity("secret", "olga", "Olga", CommunityRole.OWNER, "olga", T)),
                event(new MemberJoinedCommunity("secret", "max", "Max", CommunityRole.MEMBER, "olga", T)),
                event(new MemberJoinedCommunity("secret", "lea", "Lea", CommunityRole.MEMBER, "olga", T)),
                event(new MemberLeftCommunity("secret", "lea", "lea", T.plusSeconds(1))),
                event(new MemberJoinedCommunity("secret", "bo", "Bo", CommunityRole.MEMBER, "olga", T)),
                event(new MemberBanned("secret", "bo", "spam", T.plusSeconds(3600), true, "olga", T.plusSeconds(2)))));
        access = new ReadAccess(harness.mongo("access"), Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC));
    }

    @Test
    void aPublicCommunityIsReadableByAnyoneAndAnUnknownOneByNobody() {
        assertThat(access.canRead("open", null)).isTrue();
        assertThat(access.canRead("open", "stranger")).isTrue();
        assertThat(access.canRead("nowhere", "olga")).isFalse();
    }

    @Test
    void aPrivateCommunityIsReadableByItsCurrentMembersOnly() {
        assertThat(access.canRead("secret", "olga")).isTrue();
        assertThat(access.canRead("secret", "max")).isTrue();
        assertThat(access.canRead("secret", null)).isFalse();
        assertThat(access.canRead("secret", "stranger")).isFalse();
        assertThat(access.canRead("secret", "lea")).as("left").isFalse();
        assertThat(access.canRead("secret", "bo")).as("banned").isFalse();
        assertThat(access.roleOf("secret", "olga")).contains(CommunityRole.OWNER);
    }

    @Test
    void crossCommunityListsExcludeThePrivateCommunitiesTheViewerCannotRead() {
        assertThat(access.unreadablePrivateCommunities(null)).containsExactly("secret");
        assertThat(access.unreadablePrivateCommunities("lea")).containsExactly("secret");
        assertThat(access.unreadablePrivateCommunities("max")).isEmpty();
        assertThat(access.readableBy("communityId", "stranger").getCriteriaObject().toJson())
                .contains("$nin").contains("secret");
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
