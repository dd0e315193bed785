package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.member.EndorseSkill;
import dev.praxis.api.member.FollowMember;
import dev.praxis.api.member.FollowQuestion;
import dev.praxis.api.member.UpdateProfile;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.tag.AddTagSynonym;
import dev.praxis.api.tag.CreateTag;
import dev.praxis.api.tag.EditTagDescription;
import dev.praxis.api.tag.RemoveTagSynonym;
import dev.praxis.command.shared.CommandRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The member directory, question lookup and tag directory on PostgreSQL, kept in the command's
 * transaction, and the tag and member aggregates created on first use from the real event store.
 */
@SpringBootTest
class MembersAndTagsLookupsTest {

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("members_and_tags_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyLookupRunsInOneSubscribingProcessor() {
        // one unit of work and one look over the handlers per event, not one per processing group
        assertThat(processing.eventProcessors()).containsOnlyKeys("command-side-lookups");
        assertThat(processing.eventProcessors().get("command-side-lookups")).isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessorByProcessingGroup("command-side-lookups").map(EventProcessor::getName))
                .hasValue("command-side-lookups");
    }

    @Test
    void tagsSynonymsAndAskingKeepTheTagDirectory() {
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        commands.sendAndWait(new CreateCommunity(c, "Open Practitioners", null, PrivilegePreset.STACK_OVERFLOW, "alice", "Alice", now));
        commands.sendAndWait(new JoinCommunity(c, "dana", "Dana", now));
        commands.sendAndWait(new CreateTag(c + "/spring", c, "spring", "Spring Framework", "alice", now));
        commands.sendAndWait(new AddTagSynonym(c + "/spring", c, "spring", "springframework", "alice", now));

        String q1 = UUID.randomUUID().toString();
        commands.sendAndWait(new AskQuestion(q1, c, "Which Spring version should we use?", "Body",
                List.of("SpringFramework", "kotlin"), "alice", now));
        assertThat(tagEvent(q1)).contains("\"tags\":[\"spring\",\"kotlin\"]");
        assertThat(directory(c)).containsEntry("spring", "tag").containsEntry("kotlin", "tag")
                .containsEntry("springframework", "-> spring");

        commands.sendAndWait(new AskQuestion(UUID.randomUUID().toString(), c, "Is Kotlin worth it for us?", "Body",
                List.of("kotlin", "springframework"), "dana", now));
        assertRejected(() -> commands.sendAndWait(new AskQuestion(UUID.randomUUID().toString(), c, "Is Quarkus worth it for us?",
                "Body", List.of("quarkus"), "dana", now)), "MISSING_PRIVILEGE");
        assertRejected(() -> commands.sendAndWait(new CreateTag(c + "/kotlin", c, "kotlin", null, "alice", now)), "TAG_EXISTS");

        // a tag that asking created has no aggregate yet: the first tag command creates it
        commands.sendAndWait(new EditTagDescription(c + "/kotlin", c, "kotlin", "The language", "alice", now));
        commands.sendAndWait(new AddTagSynonym(c + "/kotlin", c, "kotlin", "kt", "alice", now));
        assertRejected(() -> commands.sendAndWait(new AddTagSynonym(c + "/spring", c, "spring", "kotlin", "alice", now)),
                "SYNONYM_CHAIN");
        commands.sendAndWait(new RemoveTagSynonym(c + "/spring", c, "spring", "springframework", "alice", now));
        assertThat(directory(c)).doesNotContainKey("springframework").containsEntry("kt", "-> kotlin");
        assertRejected(() -> commands.sendAndWait(new AddTagSynonym(c + "/spring", c, "spring", "kotlin-lang", "dana", now)),
                "MISSING_PRIVILEGE");
    }

    @Test
    void membersAndQuestionsAreKnownForFollowsAndEndorsements() {
        String c = UUID.randomUUID().toString();
        Instant now = Instant.now();
        commands.sendAndWait(new CreateCommunity(c, "Team Practitioners", null, PrivilegePreset.TEAM, "owen", "Owen", now));
        commands.sendAndWait(new JoinCommunity(c, "pia", "Pia", now));
        String q1 = UUID.randomUUID().toString();
        commands.sendAndWait(new AskQuestion(q1, c, "How do we version our events?", "Body", List.of(), "owen", now));

        commands.sendAndWait(new FollowMember("pia", "owen", "pia", now));
        commands.sendAndWait(new FollowQuestion("pia", q1, "pia", now));
        assertRejected(() -> commands.sendAndWait(new FollowMember("pia", "nobody-" + c, "pia", now)), "UNKNOWN_MEMBER");
        assertRejected(() -> commands.sendAndWait(new FollowQuestion("pia", "no-such-" + c, "pia", now)), "UNKNOWN_QUESTION");

        String newcomer = "erin-" + c.substring(0, 8);
        commands.sendAndWait(new UpdateProfile(newcomer, "Erin", null, List.of("java"), newcomer, now));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_directory WHERE member_id = ?", Integer.class, newcomer))
                .isEqualTo(1);
        commands.sendAndWait(new EndorseSkill(newcomer, "java", null, "pia", now));
        assertRejected(() -> commands.sendAndWait(new EndorseSkill(newcomer, "java", null, "pia", now)), "ALREADY_ENDORSED");
    }

    private String tagEvent(String questionId) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, questionId)
                .replace(" ", "");
    }

    private Map<String, String> directory(String communityId) {
        Map<String, String> rows = new java.util.HashMap<>();
        jdbc.query("SELECT tag, is_tag, master FROM tag_directory WHERE community_id = ?", rs -> {
            rows.put(rs.getString(1), rs.getString(3) != null ? "-> " + rs.getString(3) : rs.getBoolean(2) ? "tag" : "?");
        }, communityId);
        return rows;
    }

    private static void assertRejected(Runnable command, String code) {
        assertThatThrownBy(command::run).isInstanceOf(CommandRejectedException.class)
                .satisfies(e -> assertThat(((CommandRejectedException) e).code()).isEqualTo(code));
    }
}
