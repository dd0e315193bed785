package dev.praxis.command.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.EditQuestion;
import dev.praxis.command.web.EmbeddedPostgresForTests;
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
 * A question's current tags in the command side's directory (what expertise credits a vote to), on
 * PostgreSQL: asked with some, retagged to others (those dropped go, those kept stay), and to none.
 */
@SpringBootTest
class QuestionTagsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgresForTests.newDatabaseUrl("question_tags_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcQuestionDirectory questions;

    @Test
    void aQuestionsTagsAreTheOnesItWasLastGiven() {
        String community = UUID.randomUUID().toString();
        String question = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCommunity(community, "Tagging Practitioners", null, PrivilegePreset.TEAM, "alice",
                "Alice", NOW));
        commands.sendAndWait(new AskQuestion(question, community, "Which collector for a small heap?", "Body",
                List.of("jvm", "gc", "performance"), "alice", NOW));
        assertThat(questions.tagsOf(question)).containsExactly("gc", "jvm", "performance");

        commands.sendAndWait(new EditQuestion(question, "Which collector for a small heap?", "Body", List.of("gc", "memory"), "retag", "alice", NOW.plusSeconds(1)));
        assertThat(questions.tagsOf(question)).containsExactly("gc", "memory");

        commands.sendAndWait(new EditQuestion(question, "Which collector for a small heap?", "Body", List.of(), "untag", "alice", NOW.plusSeconds(2)));
        assertThat(questions.tagsOf(question)).isEmpty();
    }
}
