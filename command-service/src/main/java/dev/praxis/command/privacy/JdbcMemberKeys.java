package dev.praxis.command.privacy;

import dev.praxis.api.privacy.MemberKeys;
import dev.praxis.api.privacy.PersonalDataCipher;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The members' data keys in PostgreSQL, beside the event store. A key is created inside the
 * transaction that appends the member's first personal data, so a key exists if and only if the
 * data written with it does; two writers racing to create one settle on the first (ON CONFLICT).
 */
public class JdbcMemberKeys implements MemberKeys {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public JdbcMemberKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<byte[]> keyForWriting(String memberId) {
        Optional<byte[]> existing = keyForReading(memberId);
        if (existing.isPresent() || isErased(memberId)) {
            return existing;
        }
        jdbc.update("INSERT INTO member_keys (member_id, data_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                memberId, PersonalDataCipher.newKey(random));
        return keyForReading(memberId);
    }

    @Override
    public Optional<byte[]> keyForReading(String memberId) {
        List<byte[]> keys = jdbc.query("SELECT data_key FROM member_keys WHERE member_id = ?",
                (row, n) -> row.getBytes(1), memberId);
        return keys.stream().findFirst();
    }

    public boolean isErased(String memberId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM erased_members WHERE member_id = ?", Integer.class, memberId);
        return count != null && count > 0;
    }
}
