package dev.praxis.query.pointintime;

import dev.praxis.api.query.QuestionAsOfView;
import dev.praxis.api.query.QuestionView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point-in-time reads: what the read side showed at a moment, named by {@code asOf} (an ISO-8601
 * instant, not in the future) or by a global {@code position}. Each answer says the moment and the
 * position it describes. Access is judged as for the present ({@link ReadAccess}, for the
 * {@code viewer}): a private community's past is readable by those who may read it now. Something
 * that did not exist yet at the moment answers 404, as something unknown does.
 *
 * <p>They read the event store, not the read models, so they need no {@code minPosition}: the
 * record up to the moment is complete once it is stored.
 */
@RestController
public class PointInTimeQueries {

    private final EventHistory history;
    private final PointInTimeCache cache;
    private final ReadAccess access;

    public PointInTimeQueries(EventHistory history, PointInTimeCache cache, ReadAccess access) {
        this.history = history;
        this.cache = cache;
        this.access = access;
    }

    /** A question and its answers at the moment; 404 {@code UNKNOWN_QUESTION} when it was not asked yet or the viewer may not read it. */
    @GetMapping("/pointintime/questions/{id}")
    public QuestionAsOfView question(@PathVariable String id,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) Long position,
                                     @RequestParam(required = false) String viewer) {
        Moment moment = history.moment(instant(asOf), position);
        QuestionAsOfView found = cached(moment, "question", id, () -> {
            QuestionFold fold = QuestionFold.of(history.eventsOf(id, moment.position()));
            return fold.question().map(q -> new QuestionAsOfView(null, moment.position(), q, fold.answers())).orElse(null);
        });
        QuestionView question = found == null ? null : found.question();
        if (question == null || !access.canRead(question.communityId(), viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_QUESTION",
                    "There is no question with id " + id + " as of " + moment.asOf() + ".");
        }
        return new QuestionAsOfView(moment.asOf(), moment.position(), question, found.answers());
    }

    /**
     * The cached answer for what was true at the moment's position; a moment of the last seconds is
     * not cached, as a transaction still in flight may yet store an event below its position.
     */
    <T> T cached(Moment moment, String kind, String key, java.util.function.Supplier<T> compute) {
        if (moment.asOf().isAfter(Instant.now().minusSeconds(10))) {
            return compute.get();
        }
        return cache.get(kind, key, moment.position(), compute);
    }

    /** The asOf parameter as an instant; a malformed one is refused (400 {@code INVALID_AS_OF}). */
    static @Nullable Instant instant(@Nullable String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryRejectedException.invalid("INVALID_AS_OF", "asOf is an ISO-8601 instant such as 2026-03-01T09:30:00Z.");
        }
    }
}
