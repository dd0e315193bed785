package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * A question as it read at a moment of the record: {@code asOf} the instant asked about,
 * {@code position} the global position it maps to (the last event stored at or before it), and the
 * question and its answers as the read side showed them once it had applied every event up to that
 * position. {@code answers} holds every answer posted by then, deleted ones included;
 * {@code question.answerIds()} lists the visible ones in order.
 */
public record QuestionAsOfView(Instant asOf, long position, QuestionView question, List<AnswerView> answers) {
}
