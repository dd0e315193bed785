package dev.praxis.query.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Folds two updates of the same document into one that leaves the document exactly as applying
 * them one after the other would, or answers that it cannot. Both are update documents as the
 * server receives them (operators, then field paths), already mapped by Spring Data.
 *
 * <p>Why: a batch writes some documents many times (a question's counters for each of its answers
 * and votes, a community's for each question asked in it, the event ids every guarded write notes),
 * and the embedded MongoDB copies, compares and re-indexes the whole document for every update it
 * applies. {@link PendingWrites} gathers a batch's writes anyway, so it sends one update per
 * document where it can.
 *
 * <p>Only what combines exactly is folded: {@code $set}/{@code $unset} (the later one wins),
 * {@code $inc} of whole numbers (summed; a fraction is not, since floating-point sums depend on
 * their order), {@code $max}/{@code $min} of numbers or dates, {@code $push} and {@code $addToSet}
 * with {@code $each} (appended; a {@code $slice} only when both have the same or the first none),
 * and {@code $setOnInsert}. Anything else, the same path under different operators, or paths of which
 * one lies inside the other, is not folded.
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
    private static final Set<String> FOLDABLE = Set.of(SET, UNSET, INC, MAX, MIN, PUSH, ADD_TO_SET, SET_ON_INSERT);

    private UpdateMerge() {
    }

    /**
     * The update that does what {@code first} and then {@code second} do to one document, or null
     * when there is none of the kinds above. {@code firstUpserts}: the first is an upsert (the second
     * may be one too); after it the document exists, so the second's {@code $setOnInsert} does nothing.
     * An update followed by an upsert is never folded: the upsert may insert what the update missed.
     */
    static Document merge(Document first, Document second, boolean firstUpserts) {
        if (!foldable(first) || !foldable(second)) {
            return null;
        }
        // path -> operator of the first, and the result being built, operator by operator
        Map<String, String> operatorOf = new LinkedHashMap<>();
        Map<String, Document> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> operator : first.entrySet()) {
            Document fields = (Document) operator.getValue();
            result.put(operator.getKey(), new Document(fields));
            for (String path : fields.keySet()) {
                if (!plainPath(path)) {
                    return null;
                }
                operatorOf.put(path, operator.getKey());
            }
        }
        for (Map.Entry<String, Object> operator : second.entrySet()) {
            String op = operator.getKey();
            if (op.equals(SET_ON_INSERT)) {
                // after the first the document exists: the second inserts nothing
                if (!firstUpserts) {
                    return null;
                }
                continue;
            }
            for (Map.Entry<String, Object> field : ((Document) operator.getValue()).entrySet()) {
                String path = field.getKey();
                if (!plainPath(path) || overlapsAnother(path, operatorOf.keySet())) {
                    return null;
                }
                String earlier = operatorOf.get(path);
                Object value = field.getValue();
                if (earlier == null) {
                    result.computeIfAbsent(op, k -> new Document()).put(path, value);
                    operatorOf.put(path, op);
                } else if (assigns(earlier) && assigns(op)
                        || earlier.equals(SET_ON_INSERT) && assigns(op)) {
                    // the later assignment wins, inserted or not
                    remove(result, earlier, path);
                    result.computeIfAbsent(op, k -> new Document()).put(path, value);
                    operatorOf.put(path, op);
                } else if (earlier.equals(op)) {
                    Object combined = combine(op, result.get(op).get(path), value);
                    if (combined == null) {
                        return null;
                    }
                    result.get(op).put(path, combined);
                } else {
                    return null;
                }
            }
        }
        Document merged = new Document();
        result.forEach((op, fields) -> {
            if (!fields.isEmpty()) {
                merged.put(op, fields);
            }
        });
        return merged;
    }

    private static boolean foldable(Document update) {
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!FOLDABLE.contains(operator.getKey()) || !(operator.getValue() instanceof Document)) {
                return false;
            }
        }
        return true;
    }

    /** A field path without positional parts ({@code a.$.b}, {@code a.$[]}), which depend on the query. */
    private static boolean plainPath(String path) {
        return !path.isEmpty() && path.indexOf('$') < 0;
    }

    /** Whether one of {@code paths} lies inside {@code path}, or {@code path} inside it. */
    private static boolean overlapsAnother(String path, Set<String> paths) {
        for (String other : paths) {
            if (!other.equals(path) && (other.startsWith(path + ".") || path.startsWith(other + "."))) {
                return true;
            }
        }
        return false;
    }

    private static boolean assigns(String op) {
        return op.equals(SET) || op.equals(UNSET);
    }

    private static void remove(Map<String, Document> result, String op, String path) {
        Document fields = result.get(op);
        if (fields != null) {
            fields.remove(path);
        }
    }

    /** Two values of one path under the same operator, as one; null when they do not combine exactly. */
    private static Object combine(String op, Object earlier, Object later) {
        return switch (op) {
            case INC -> sum(earlier, later);
            case MAX -> extreme(earlier, later, true);
            case MIN -> extreme(earlier, later, false);
            case PUSH -> append(earlier, later, true);
            case ADD_TO_SET -> append(earlier, later, false);
            default -> null;
        };
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

    private static boolean wholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static Object extreme(Object a, Object b, boolean max) {
        int order;
        if (wholeNumber(a) && wholeNumber(b)) {
            order = Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        } else if (a instanceof Date x && b instanceof Date y) {
            order = x.compareTo(y);
        } else {
            return null;
        }
        // on a tie the earlier stays, as the server keeps the value it has
        return (max ? order >= 0 : order <= 0) ? a : b;
    }

    /**
     * Two pushes (or additions to a set) as one: the elements of both, in order. A slice keeps the
     * last (or first) n of the whole array either way, so it may close the second or both.
     */
    private static Object append(Object earlier, Object later, boolean push) {
        Each a = Each.of(earlier, push);
        Each b = Each.of(later, push);
        if (a == null || b == null) {
            return null;
        }
        if (a.slice() != null && (b.slice() == null || a.slice().longValue() != b.slice().longValue())) {
            return null;
        }
        List<Object> elements = new ArrayList<>(a.elements());
        elements.addAll(b.elements());
        Document each = new Document("$each", elements);
        if (b.slice() != null) {
            each.put("$slice", b.slice());
        }
        return each;
    }

    /** A push as its elements and its slice (null: none). */
    private record Each(List<?> elements, Number slice) {

        /** Null for a push with other modifiers ({@code $sort}, {@code $position}). */
        static Each of(Object value, boolean push) {
            if (value instanceof Document modifiers && modifiers.containsKey("$each")) {
                if (!(modifiers.get("$each") instanceof List<?> elements)) {
                    return null;
                }
                for (String key : modifiers.keySet()) {
                    if (!key.equals("$each") && !(push && key.equals("$slice"))) {
                        return null;
                    }
                }
                Object slice = modifiers.get("$slice");
                if (slice != null && !wholeNumber(slice)) {
                    return null;
                }
                return new Each(elements, (Number) slice);
            }
            if (value instanceof Document document && document.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                return null;
            }
            return new Each(Collections.singletonList(value), null);
        }
    }
}
