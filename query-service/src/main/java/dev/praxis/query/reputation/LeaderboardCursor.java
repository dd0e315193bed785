package dev.praxis.query.reputation;

import dev.praxis.query.shared.QueryRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A place on a leaderboard (points descending, then member id): the last entry seen. */
record LeaderboardCursor(int points, String memberId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((points + ":" + memberId).getBytes(StandardCharsets.UTF_8));
    }

    static LeaderboardCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts[1].isEmpty()) {
                throw new IllegalArgumentException("empty id");
            }
            return new LeaderboardCursor(Integer.parseInt(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new QueryRejectedException(400, "INVALID_INPUT", "INVALID_CURSOR", "The cursor is not one this API gave out.");
        }
    }
}
