package dev.praxis.gateway.pointintime;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.AsOfView;
import dev.praxis.api.query.QuestionAsOfView;
import dev.praxis.api.query.QuestionView;
import graphql.GraphQLContext;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The objects of a response that describe a past moment, kept in the request's
 * {@link GraphQLContext}: a question read with {@code asOf} keeps the answers of that moment, so
 * that its {@code answers} and {@code acceptedAnswer} are those of the same moment, and each object
 * knows the moment it describes ({@code pointInTime}). Keyed by identity: the same question may
 * appear as of now and as of another moment in one response.
 */
public final class PointInTimeReads {

    private static final String CONTEXT_KEY = PointInTimeReads.class.getName();

    private final Map<Object, Moment> moments = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<QuestionView, Map<String, AnswerView>> answers = Collections.synchronizedMap(new IdentityHashMap<>());

    private PointInTimeReads() {
    }

    static PointInTimeReads of(GraphQLContext context) {
        return context.computeIfAbsent(CONTEXT_KEY, key -> new PointInTimeReads());
    }

    /** Remembers a question read as of a moment, with its answers of that moment; answers the question. */
    public static QuestionView remember(GraphQLContext context, QuestionAsOfView read) {
        PointInTimeReads reads = of(context);
        Moment moment = Moment.of(read.asOf(), read.position());
        Map<String, AnswerView> byId = read.answers().stream()
                .collect(Collectors.toMap(AnswerView::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        reads.moments.put(read.question(), moment);
        byId.values().forEach(answer -> reads.moments.put(answer, moment));
        reads.answers.put(read.question(), byId);
        return read.question();
    }

    /** Remembers that each of the objects describes the moment of the read; answers the read's value. */
    public static <T> T remember(GraphQLContext context, AsOfView<T> read, Collection<?> objects) {
        Moment moment = Moment.of(read.asOf(), read.position());
        PointInTimeReads reads = of(context);
        objects.forEach(object -> reads.moments.put(object, moment));
        return read.value();
    }

    /** The answers of the moment a question was read at, by id; empty for a question of the present. */
    public static Optional<Map<String, AnswerView>> answersOf(GraphQLContext context, QuestionView question) {
        PointInTimeReads reads = context.get(CONTEXT_KEY);
        return reads == null ? Optional.empty() : Optional.ofNullable(reads.answers.get(question));
    }

    /** The moment an object of the response describes; null for the present. */
    public static Moment momentOf(GraphQLContext context, Object object) {
        PointInTimeReads reads = context.get(CONTEXT_KEY);
        return reads == null ? null : reads.moments.get(object);
    }
}
