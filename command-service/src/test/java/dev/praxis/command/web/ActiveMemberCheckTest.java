package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.BanMember;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.community.SuspendMember;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may write in a community, as the community directory on PostgreSQL answers it in one query
 * (the sanction in force and the role): members may, those who never joined may not, a suspension
 * refuses until it ends, and a ban refuses for good, also one that follows a suspension.
 */
@SpringBootTest
class ActiveMemberCheckTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("active_member_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    CommandGateway commands;

    @Test
    void membersWriteAndSanctionsOrAbsenceRefuse() {
        String c = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCommunity(c, "Sanctioned Practitioners", null, PrivilegePreset.TEAM, "alice", "Alice", NOW));
        for (String member : List.of("bob", "dana", "erin")) {
            commands.sendAndWait(new JoinCommunity(c, member, member, NOW));
        }

        ask(c, "bob", NOW);
        assertRefused(() -> ask(c, "carol", NOW), "NOT_A_MEMBER");

        Instant until = NOW.plus(Duration.ofHours(1));
        commands.sendAndWait(new SuspendMember(c, "bob", "rude", until, "alice", NOW));
        assertRefused(() -> ask(c, "bob", NOW.plusSeconds(60)), "SUSPENDED");
        ask(c, "bob", until.plusSeconds(1)); // the suspension has ended

        commands.sendAndWait(new BanMember(c, "dana", "spam", null, "alice", NOW));
        assertRefused(() -> ask(c, "dana", NOW.plusSeconds(60)), "BANNED");

        commands.sendAndWait(new SuspendMember(c, "erin", "rude", until, "alice", NOW));
        commands.sendAndWait(new BanMember(c, "erin", "spam", null, "alice", NOW.plusSeconds(1)));
        assertRefused(() -> ask(c, "erin", NOW.plusSeconds(60)), "BANNED");
    }

    private void ask(String communityId, String memberId, Instant at) {
        commands.sendAndWait(new AskQuestion(UUID.randomUUID().toString(), communityId, "May " + memberId + " ask this question?",
                "Body", List.of(), memberId, at));
    }

    private static void assertRefused(Runnable command, String code) {
        assertThatThrownBy(command::run).isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).code()).isEqualTo(code));
    }
}
