package dev.praxis.gateway.subscription;

import dev.praxis.gateway.error.ClientErrorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.lang.Nullable;

/**
 * The opaque cursor of a change that a subscriber passes back as {@code after} to resume: base64url
 * of {@code "change:<global position>"}. Positions only grow, so "after this cursor" is exactly the
 * changes the subscriber has not received.
 */
final class ChangeCursor {

    private static final String PREFIX = "change:";

    private ChangeCursor() {
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor; null for no cursor (from now on); {@code INVALID_CURSOR} for anything else. */
    @Nullable
    static Long decode(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(PREFIX)) {
                long position = Long.parseLong(plain.substring(PREFIX.length()));
                if (position >= -1) {
                    return position;
                }
            }
        }
        catch (IllegalArgumentException notACursor) {
            // base64 or number: refused below like any other malformed cursor
        }
        throw ClientErrorException.badRequest("INVALID_CURSOR",
                "The cursor is not one this API gave out: pass the `cursor` of the last change you received.");
    }
}
