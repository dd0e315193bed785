package dev.praxis.query.feed;

import dev.praxis.query.shared.QueryRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque cursor of a feed: the sort key and id of the last item seen, so that a page continues
 * from a place in the order, not from an offset, and stays stable while new items arrive on top.
 */
final class FeedCursor {

    private static final String SEPARATOR = "\n";

    private FeedCursor() {
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor that must start with {@code tag} (the list it belongs to) and have {@code count} parts in all. */
    static String[] decode(String cursor, String tag, int count) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length != count || !parts[0].equals(tag)) {
                throw new IllegalArgumentException("not a " + tag + " cursor");
            }
            return parts;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static QueryRejectedException invalid() {
        return QueryRejectedException.invalid("INVALID_CURSOR", "The cursor is not one this list gave out.");
    }
}
