package dev.praxis.query.privacy;

import dev.praxis.api.privacy.MemberKeys;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The members' data keys, read from the event store's database (the command service writes them).
 * Deliberately not cached: only the few events that carry personal texts ask for a key, and an
 * erased member's key must stop working at once, on every instance, also in a replay.
 */
public class StoredMemberKeys implements MemberKeys {

    private final JdbcTemplate jdbc;

    public StoredMemberKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The query side writes no events (its serializer only reads, see ProtectingSerializer.readingOnly). */
    @Override
    public Optional<byte[]> keyForWriting(String memberId) {
        throw new UnsupportedOperationException("The query service writes no events");
    }

    @Override
    public Optional<byte[]> keyForReading(String memberId) {
        List<byte[]> keys = jdbc.query("SELECT data_key FROM member_keys WHERE member_id = ?",
                (row, n) -> row.getBytes(1), memberId);
        return keys.stream().findFirst();
    }
}
