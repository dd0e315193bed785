package dev.praxis.query.knowledge;

import dev.praxis.query.shared.QueryRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a ranking (experts, suggestions, related topics, a member's expertise): how many
 * items came before. A ranking is recomputed on every read and its order moves as scores change,
 * so there is no stable key to seek to; the offset is the honest cursor.
 */
final class RankCursor {

    private RankCursor() {
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("rank:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("rank:")) {
                throw new IllegalArgumentException(raw);
            }
            int offset = Integer.parseInt(raw.substring(5));
            if (offset < 0) {
                throw new IllegalArgumentException(raw);
            }
            return offset;
        } catch (RuntimeException e) {
            throw QueryRejectedException.invalid("INVALID_CURSOR", "The cursor is not one this API gave out.");
        }
    }
}
