package dev.praxis.query.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionLocked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.query.ChangeView;
import dev.praxis.query.ProjectionHarness;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change log through the real projection into the embedded MongoDB server, read back by topic. */
class ChangeProjectionTest {

    private static final Instant T = Instant.parse("2026-07-01T10:00:00Z");
    /** The event store's global index of each event, as {@link JdbcEventPositions} would read it. */
    private static final Map<String, Long> POSITIONS = new HashMap<>();

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(
            mongo -> List.of(new ChangeProjection(mongo, POSITIONS::get)));

    private final List<EventMessage<?>> events = List.of(
            at(10, "q1", new QuestionAsked("q1", "c1", "How do I tail a change feed?", "Body", List.of("ops"), "ann", T)),
            at(11, "q2", new QuestionAsked("q2", "c2", "Another community's question", "Body", List.of(), "bob", T)),
            at(13, "q1", new AnswerPosted("q1", "a1", "c1", "With a cursor.", "bob", T)),
            at(12, "q1", new VoteCast("q1", "q1", PostKind.QUESTION, "c1", "ann", VoteDirection.UP, "cy", T)),
            at(14, "q1", new CommentAdded("q1", "k1", "a1", PostKind.ANSWER, "c1", "bob", "Thanks!", List.of(), "ann", T)),
            at(15, "q1", new QuestionLocked("q1", "c1", "Heated", "mod", T)));

    @Test
    void aQuestionsTopicHasEveryChangeOfItsThreadInGlobalOrder() throws Exception {
        harness.project("changes_thread", events);
        ChangeLog log = new ChangeLog(harness.mongo("changes_thread"));

        List<ChangeView> thread = log.changes(Topics.question("q1"), -1, Long.MAX_VALUE, 100);

        assertThat(thread).extracting(ChangeView::position).containsExactly(10L, 12L, 13L, 14L, 15L);
        assertThat(thread).extracting(ChangeView::kind).containsExactly(
                "QUESTION_ASKED", "VOTE_CAST", "ANSWER_POSTED", "COMMENT_ADDED", "QUESTION_LOCKED");
        assertThat(thread.get(1).actorId()).as("votes are anonymous").isNull();
        assertThat(thread.get(1).subjectId()).isEqualTo("q1");
        assertThat(thread.get(3).subjectId()).isEqualTo("k1");
        assertThat(thread.get(4).actorId()).isEqualTo("mod");
        assertThat(log.changes(Topics.question("q1"), 12, 14, 100)).extracting(ChangeView::position)
                .as("after is exclusive, upTo inclusive").containsExactly(13L, 14L);
        assertThat(log.changes(Topics.question("q1"), -1, Long.MAX_VALUE, 2)).extracting(ChangeView::position)
                .containsExactly(10L, 12L);
    }

    @Test
    void aCommunitysTopicHasItsNewQuestionsAndAnswersOnly() throws Exception {
        harness.project("changes_community", events);
        ChangeLog log = new ChangeLog(harness.mongo("changes_community"));

        assertThat(log.changes(Topics.community("c1"), -1, Long.MAX_VALUE, 100))
                .extracting(ChangeView::kind, ChangeView::subjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("QUESTION_ASKED", "q1"),
                        org.assertj.core.groups.Tuple.tuple("ANSWER_POSTED", "a1"));
        assertThat(log.changes(Topics.community("c2"), -1, Long.MAX_VALUE, 100)).extracting(ChangeView::questionId)
                .containsExactly("q2");
    }

    @Test
    void deliveringEveryEventTwiceOrReplayingTheStreamChangesNothing() throws Exception {
        var once = harness.project("changes_once", events);
        assertThat(harness.project("changes_each_twice", ProjectionHarness.eachTwice(events))).isEqualTo(once);
        assertThat(harness.project("changes_stream_twice", ProjectionHarness.streamTwice(events))).isEqualTo(once);
    }

    @Test
    void aBatchReadsItsEventsPositionsOnceAndRecordsTheSameLog() throws Exception {
        var untracked = harness.project("changes_untracked", events);
        List<Collection<String>> reads = new CopyOnWriteArrayList<>();
        EventPositions counted = new EventPositions() {
            @Override
            public long of(String eventIdentifier) {
                reads.add(List.of(eventIdentifier));
                return POSITIONS.get(eventIdentifier);
            }

            @Override
            public Map<String, Long> of(Collection<String> eventIdentifiers) {
                reads.add(List.copyOf(eventIdentifiers));
                Map<String, Long> positions = new HashMap<>();
                eventIdentifiers.forEach(id -> positions.put(id, POSITIONS.get(id)));
                return positions;
            }
        };
        var tracked = harness.projectTracked("changes_tracked", "changes", events,
                mongo -> List.of(new ChangeProjection(mongo, counted)), 100);

        assertThat(tracked.get(ChangeDocument.COLLECTION)).isEqualTo(untracked.get(ChangeDocument.COLLECTION));
        assertThat(reads).as("one read for the batch's six events").hasSize(1);
        assertThat(reads.get(0)).hasSize(events.size());
    }

    @Test
    void kindsAreTheEventNamesInUpperSnakeCase() {
        assertThat(ChangeProjection.kindOf(new QuestionLocked("q", "c", "r", "a", T))).isEqualTo("QUESTION_LOCKED");
        assertThat(ChangeProjection.kindOf(new dev.praxis.api.question.AnswerAcceptanceWithdrawn("q", "a", "c", "b", "x", T)))
                .isEqualTo("ANSWER_ACCEPTANCE_WITHDRAWN");
    }

    private static EventMessage<?> at(long position, String aggregateId, Object event) {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("test", aggregateId, position, event);
        POSITIONS.put(message.getIdentifier(), position);
        return message;
    }
}
