package dev.praxis.command.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionClosed;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.MessageJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question's state survives a snapshot: written with the storage mapper and read back, it is the same. */
class QuestionSnapshotTest {

    @Test
    void theContentStateRoundTripsThroughTheSnapshotJson() throws Exception {
        Instant t = Instant.parse("2026-02-01T08:00:00Z");
        Question question = new Question();
        question.on(new QuestionAsked("q1", "c1", "How do I replay a projection?", "Body", List.of("axon"), "alice", t));
        question.on(new QuestionEdited("q1", "c1", "alice", 2, "How do I replay one projection?", "Body", List.of("axon"),
                List.of("title"), null, null, List.of(), "alice", t));
        question.on(new AnswerPosted("q1", "a1", "c1", "Reset.", "bob", t));
        question.on(new AnswerEdited("q1", "a1", "c1", "bob", 2, "Reset it.", null, null, List.of(), "bob", t));
        question.on(new VoteCast("q1", "a1", PostKind.ANSWER, "c1", "bob", VoteDirection.UP, "chen", t));
        question.on(new AnswerEndorsed("q1", "a1", "c1", "bob", null, "chen", t));
        question.on(new CommentAdded("q1", "k1", "q1", PostKind.QUESTION, "c1", "alice", "Which one?", List.of(), "chen", t));
        question.on(new PostDeleted("q1", "a1", PostKind.ANSWER, "c1", "bob", null, "bob", t));
        question.on(new QuestionClosed("q1", "c1", CloseReason.OFF_TOPIC, null, "mod", t));
        question.on(new QuestionLocked("q1", "c1", null, "mod", t));

        ObjectMapper json = MessageJson.storageMapper();
        JsonNode written = json.valueToTree(question);
        Question read = json.treeToValue(written, Question.class);

        JsonNode readBack = json.valueToTree(read);
        assertThat(readBack).isEqualTo(written);
        assertThat(written.at("/revisions/1/title").asText()).isEqualTo("How do I replay one projection?");
        assertThat(written.at("/answerRevisions/a1/1").asText()).isEqualTo("Reset it.");
        assertThat(written.at("/votes/a1/chen").asText()).isEqualTo("UP");
        assertThat(written.at("/comments/k1/authorId").asText()).isEqualTo("chen");
        assertThat(written.at("/deletedBy/a1").asText()).isEqualTo("bob");
        assertThat(written.get("locked").asBoolean()).isTrue();
        assertThat(written.get("closed").asBoolean()).isTrue();
    }
}
