package dev.praxis.query.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Updates of one document folded into one that leaves the document exactly as applying them one
 * after the other would. Works on the updates as the projections built them, before Spring Data
 * maps their values, so each value is still mapped once, when the folded update is sent.
 *
 * <p>Why: a batch writes some documents many times (a question's counters for each of its answers
 * and votes, a community's for each question asked in it, the event ids every guarded write notes),
 * and the embedded MongoDB copies, compares and re-indexes the whole document for every update it
 * applies. {@link PendingWrites} gathers a batch's writes anyway, so it sends one update per
 * document where it can.
 *
 * <p>Only what combines exactly is folded: {@code $set}/{@code $unset} (the later one wins),
 * {@code $inc} of whole numbers (summed; a fraction is not, since floating-point sums depend on
 * their order), {@code $max}/{@code $min} of whole numbers, instants or dates, {@code $push} and
 * {@code $addToSet} of single values or {@code $each} (appended; a {@code $slice} keeps the last n of
 * the whole array either way, so it may close the later push or both), and {@code $setOnInsert}.
 * Anything else, the same path under different operators, or paths of which one lies inside the
 * other, is not folded.
 */
final class UpdateMerge {

    private static final String SET = "$set";
    private static final String UNSET = "$unset";
    private static final String INC = "$inc";
    private static final String MAX = "$max";
    private static final String MIN = "$min";
    private static final String PUSH = "$push";
    private static final String ADD_TO_SET = "$addToSet";
    private static final String SET_ON_INSERT = "$setOnInsert";

    private final boolean upsert;
    /** What the folded update does to each path, in the order the paths came. */
    private final Map<String, Field> fields = new LinkedHashMap<>();
    /** The paths that hold one of the paths above inside them: "a" and "a.b" for "a.b.c". */
    private final Set<String> enclosing = new HashSet<>();

    private UpdateMerge(boolean upsert) {
        this.upsert = upsert;
    }

    /**
     * The first update of a document, to fold later ones into; null when it has a part that does
     * not fold. {@code upsert}: it is an upsert (later ones may be too: after it the document exists,
     * so their {@code $setOnInsert} does nothing). An update followed by an upsert is never folded,
     * since the upsert may insert what the update missed; the caller does not ask.
     */
    static UpdateMerge of(Update first, boolean upsert) {
        UpdateMerge merge = new UpdateMerge(upsert);
        for (Map.Entry<String, Object> operator : first.getUpdateObject().entrySet()) {
            if (!(operator.getValue() instanceof Document paths)) {
                return null;
            }
            for (Map.Entry<String, Object> path : paths.entrySet()) {
                Field field = Field.of(operator.getKey(), path.getValue());
                if (field == null || !plainPath(path.getKey()) || merge.overlaps(path.getKey())) {
                    return null;
                }
                merge.put(path.getKey(), field);
            }
        }
        return merge;
    }

    /**
     * Folds {@code later} in when every part of it combines exactly with what is folded so far;
     * otherwise changes nothing and answers false.
     */
    boolean fold(Update later) {
        List<Runnable> changes = new ArrayList<>();
        for (Map.Entry<String, Object> operator : later.getUpdateObject().entrySet()) {
            String op = operator.getKey();
            if (!(operator.getValue() instanceof Document paths)) {
                return false;
            }
            if (op.equals(SET_ON_INSERT)) {
                // after the first the document exists: the later one inserts nothing
                if (!upsert) {
                    return false;
                }
                continue;
            }
            for (Map.Entry<String, Object> entry : paths.entrySet()) {
                String path = entry.getKey();
                Field next = Field.of(op, entry.getValue());
                if (next == null || !plainPath(path) || overlaps(path)) {
                    return false;
                }
                Field earlier = fields.get(path);
                if (earlier == null || assigns(earlier.op) && assigns(op) || earlier.op.equals(SET_ON_INSERT) && assigns(op)) {
                    // a new path, or the later assignment wins, inserted or not
                    changes.add(() -> put(path, next));
                } else if (!earlier.op.equals(op) || !earlier.absorbs(next)) {
                    return false;
                } else {
                    changes.add(() -> earlier.absorb(next));
                }
            }
        }
        changes.forEach(Runnable::run);
        return true;
    }

    /** The folded update, to send. */
    Update toUpdate() {
        Update update = new Update();
        fields.forEach((path, field) -> field.addTo(update, path));
        return update;
    }

    private void put(String path, Field field) {
        fields.put(path, field);
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            enclosing.add(path.substring(0, dot));
        }
    }

    /** Whether a path held lies inside {@code path}, or {@code path} inside one held. */
    private boolean overlaps(String path) {
        if (enclosing.contains(path)) {
            return true;
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (fields.containsKey(path.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** A field path without positional parts ({@code a.$.b}, {@code a.$[]}), which depend on the query. */
    private static boolean plainPath(String path) {
        return !path.isEmpty() && path.indexOf('$') < 0;
    }

    private static boolean assigns(String op) {
        return op.equals(SET) || op.equals(UNSET);
    }

    private static boolean wholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    /** What the folded update does to one path: an operator and its value, or the elements it appends. */
    private static final class Field {

        private final String op;
        private Object value;
        private final List<Object> elements;
        private Integer slice;

        private Field(String op, Object value, List<Object> elements, Integer slice) {
            this.op = op;
            this.value = value;
            this.elements = elements;
            this.slice = slice;
        }

        /** The part of an update for one path, or null when it does not fold. */
        static Field of(String op, Object value) {
            return switch (op) {
                // a fraction, or a value of another kind, is carried along, and combines with nothing
                case SET, UNSET, SET_ON_INSERT, MAX, MIN -> new Field(op, value, null, null);
                case INC -> value instanceof Number ? new Field(op, value, null, null) : null;
                case PUSH, ADD_TO_SET -> appended(op, value);
                default -> null;
            };
        }

        private static boolean comparable(Object value) {
            return value instanceof Instant || value instanceof Date;
        }

        /** A push (or addition to a set) as the elements it appends and its slice; null for other modifiers. */
        private static Field appended(String op, Object value) {
            List<Object> elements = new ArrayList<>();
            Integer slice = null;
            if (value instanceof Update.Modifiers modifiers) {
                for (Update.Modifier modifier : modifiers.getModifiers()) {
                    if (modifier.getKey().equals("$each") && modifier.getValue() instanceof Object[] values) {
                        elements.addAll(List.of(values));
                    } else if (modifier.getKey().equals("$slice") && op.equals(PUSH)
                            && modifier.getValue() instanceof Integer n) {
                        slice = n;
                    } else {
                        return null;
                    }
                }
            } else if (value instanceof Update.Modifier modifier) {
                if (!modifier.getKey().equals("$each") || !(modifier.getValue() instanceof Object[] values)) {
                    return null;
                }
                elements.addAll(List.of(values));
            } else {
                elements.add(value);
            }
            for (Object element : elements) {
                // sent again as $each, a lone collection would be taken for the elements themselves
                if (element == null || element instanceof Collection<?> || element instanceof Object[]) {
                    return null;
                }
            }
            return new Field(op, null, elements, slice);
        }

        /** Whether {@code later}, under the same operator, combines with this exactly. */
        boolean absorbs(Field later) {
            return switch (op) {
                case INC -> sum(value, later.value) != null;
                case MAX, MIN -> wholeNumber(value) && wholeNumber(later.value)
                        || comparable(value) && value.getClass() == later.value.getClass();
                case PUSH, ADD_TO_SET -> slice == null || slice.equals(later.slice);
                default -> false;
            };
        }

        void absorb(Field later) {
            switch (op) {
                case INC -> value = sum(value, later.value);
                case MAX -> value = order(later.value, value) > 0 ? later.value : value;
                case MIN -> value = order(later.value, value) < 0 ? later.value : value;
                default -> {
                    elements.addAll(later.elements);
                    slice = later.slice;
                }
            }
        }

        void addTo(Update update, String path) {
            switch (op) {
                case SET -> update.set(path, value);
                case UNSET -> update.unset(path);
                case SET_ON_INSERT -> update.setOnInsert(path, value);
                case INC -> update.inc(path, (Number) value);
                case MAX -> update.max(path, value);
                case MIN -> update.min(path, value);
                case PUSH -> {
                    Update.PushOperatorBuilder push = update.push(path);
                    if (slice != null) {
                        push.slice(slice);
                    }
                    push.each(elements.toArray());
                }
                default -> update.addToSet(path).each(elements.toArray());
            }
        }

        private static Object sum(Object a, Object b) {
            if (a instanceof Integer x && b instanceof Integer y) {
                long sum = (long) x + y;
                return sum == (int) sum ? (Object) (int) sum : (Object) sum;
            }
            if (wholeNumber(a) && wholeNumber(b)) {
                try {
                    return Math.addExact(((Number) a).longValue(), ((Number) b).longValue());
                } catch (ArithmeticException overflow) {
                    return null;
                }
            }
            return null;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int order(Object a, Object b) {
            if (wholeNumber(a) && wholeNumber(b)) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            return ((Comparable) a).compareTo(b);
        }
    }
}
