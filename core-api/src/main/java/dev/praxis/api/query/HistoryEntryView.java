package dev.praxis.api.query;

import java.time.Instant;

/**
 * One event of the history, for auditors and for members reading the history of what they may read.
 *
 * @param position    the event's global position (the one total order of everything that happened)
 * @param eventId     the event's identifier
 * @param aggregateId the stream (aggregate) the event belongs to
 * @param sequence    its sequence number in that stream
 * @param type        the event's type, fully qualified (e.g. {@code dev.praxis.api.question.AnswerAccepted})
 * @param time        when it was recorded
 * @param actorId     who did it, when the event names them
 * @param communityId the community it happened in, when it names one
 * @param summary     a sentence for people: who did what to what, when
 * @param payload     the event as stored (JSON text)
 * @param metadata    the message metadata as stored (JSON text: correlation, causation, tracing); auditors only, else null
 */
public record HistoryEntryView(long position, String eventId, String aggregateId, long sequence, String type,
                               Instant time, String actorId, String communityId, String summary, String payload,
                               String metadata) {
}
