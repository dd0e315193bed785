package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberSuspended;
import dev.praxis.api.community.MembershipRequested;
import dev.praxis.api.community.RequestMembership;
import dev.praxis.api.community.SuspendMember;
import dev.praxis.api.member.EraseMember;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.member.UpdateProfile;
import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Crypto-shredding on the real event store: personal texts are never stored in the clear, read back
 * while the member's key exists, and read as erased once the member erased themselves, while the
 * stored events stay byte for byte what they were.
 */
@SpringBootTest
class MemberErasureTest {

    private static final String NAME = "Zoltan Quibbleworth";
    private static final String BIO = "Lives at 12 Secret Lane";
    private static final String MESSAGE = "Please admit me, I am Zoltan";
    private static final String REASON = "Zoltan spammed the list";

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("member_erasure_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void erasingAMemberShredsTheirPersonalDataAndNothingElse() {
        String open = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        String zed = "zed-" + open.substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commands.sendAndWait(new CreateCommunity(open, "Open Guild", null, PrivilegePreset.TEAM, "alice", "Alice Owner", now));
        commands.sendAndWait(new CreateCommunity(closed, "Closed Guild", null, PrivilegePreset.TEAM,
                CommunityVisibility.RESTRICTED, "alice", "Alice Owner", now));
        commands.sendAndWait(new JoinCommunity(open, zed, NAME, now));
        commands.sendAndWait(new UpdateProfile(zed, NAME, BIO, List.of("java"), zed, now));
        commands.sendAndWait(new RequestMembership(closed, MESSAGE, NAME, zed, now));
        commands.sendAndWait(new SuspendMember(open, zed, REASON, now.plus(1, ChronoUnit.DAYS), "alice", now));
        String question = UUID.randomUUID().toString();
        commands.sendAndWait(new AskQuestion(question, open, "How do we shred keys?", "A body", List.of(), "alice", now));

        // never in the clear in the store, and readable while the key exists
        assertThat(storedTextsMentioning(NAME, BIO, MESSAGE, REASON)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload LIKE ?", Integer.class,
                "%\"personalDataOf\":\"" + zed + "\"%")).isEqualTo(4);
        assertThat(personalTextsOf(zed, open, closed)).containsExactlyInAnyOrder(NAME, NAME, BIO, NAME, MESSAGE, REASON);
        assertThat(personalTextsOf("alice", open, closed)).contains("Alice Owner");
        String storedBefore = storedPayloads();
        int eventsBefore = eventCount();

        commands.sendAndWait(new EraseMember(zed, zed, now));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_keys WHERE member_id = ?", Integer.class, zed)).isZero();
        assertThat(personalTextsOf(zed, open, closed)).containsOnly(PersonalData.ERASED).hasSize(6);
        assertThat(personalTextsOf("alice", open, closed)).contains("Alice Owner");
        assertThat(jdbc.queryForObject("SELECT reason FROM community_sanction WHERE member_id = ?", String.class, zed))
                .isEqualTo(PersonalData.ERASED);
        // the events themselves are untouched (their hash chain holds): only the erasure was added
        assertThat(storedPayloads()).startsWith(storedBefore);
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);

        // an erased member acts no more, whatever the command, and nothing is written
        assertRefused(() -> commands.sendAndWait(new UpdateProfile(zed, "Back Again", null, List.of(), zed, now)));
        assertRefused(() -> commands.sendAndWait(new AskQuestion(UUID.randomUUID().toString(), open, "Am I still here?",
                "A body", List.of(), zed, now)));
        assertRefused(() -> commands.sendAndWait(new EraseMember(zed, zed, now)));
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
        // the community still knows the erased member (for counts), under the erased marker
        commands.sendAndWait(new AskQuestion(UUID.randomUUID().toString(), open, "Does the guild still work?", "A body",
                List.of(), "alice", now));
    }

    private List<String> personalTextsOf(String memberId, String... aggregates) {
        List<String> aggregateIds = new java.util.ArrayList<>(List.of(aggregates));
        aggregateIds.add(memberId);
        return aggregateIds.stream()
                .flatMap(id -> events.readEvents(id).asStream())
                .map(EventMessage::getPayload)
                .flatMap(payload -> texts(payload, memberId).stream())
                .collect(Collectors.toList());
    }

    private static List<String> texts(Object payload, String memberId) {
        if (payload instanceof MemberJoinedCommunity e && e.memberId().equals(memberId)) {
            return List.of(e.displayName());
        }
        if (payload instanceof ProfileUpdated e && e.memberId().equals(memberId)) {
            return List.of(e.displayName(), e.bio());
        }
        if (payload instanceof MembershipRequested e && e.memberId().equals(memberId)) {
            return List.of(e.displayName(), e.message());
        }
        if (payload instanceof MemberSuspended e && e.memberId().equals(memberId)) {
            return List.of(e.reason());
        }
        return List.of();
    }

    private int storedTextsMentioning(String... texts) {
        int found = 0;
        for (String text : texts) {
            found += jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload LIKE ? OR meta_data LIKE ?",
                    Integer.class, "%" + text + "%", "%" + text + "%");
        }
        return found;
    }

    private String storedPayloads() {
        return String.join("\n", jdbc.queryForList("SELECT payload FROM domain_event_entry ORDER BY global_index", String.class));
    }

    private int eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    private static void assertRefused(Runnable command) {
        assertThatThrownBy(command::run).isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).code()).isEqualTo("MEMBER_ERASED"));
    }
}
