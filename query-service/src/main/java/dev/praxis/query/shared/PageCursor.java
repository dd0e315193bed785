package dev.praxis.query.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in a newest-first list: the creation time and id of the last item seen. It names a
 * place in the order rather than an offset, so pages stay stable while new items arrive on top.
 */
public record PageCursor(Instant createdAt, String id) {

    public String encode() {
        String raw = createdAt.toEpochMilli() + ":" + createdAt.getNano() % 1_000_000 + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            Instant createdAt = Instant.ofEpochMilli(Long.parseLong(parts[0])).plusNanos(Long.parseLong(parts[1]));
            if (parts[2].isEmpty()) {
                throw new IllegalArgumentException("empty id");
            }
            return new PageCursor(createdAt, parts[2]);
        } catch (RuntimeException e) {
            throw new QueryRejectedException(400, "INVALID_INPUT", "INVALID_CURSOR", "The cursor is not one this API gave out.");
        }
    }
}
