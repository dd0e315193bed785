package dev.praxis.command.privacy;

import dev.praxis.api.privacy.MemberKeys;
import dev.praxis.api.privacy.PersonalDataCipher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The members' keys through one plain JDBC connection, inside its transaction: for the tools that
 * work on the store without Spring (the upgrade that encrypts old events, export and import).
 */
public final class ConnectionMemberKeys implements MemberKeys {

    private final Connection connection;
    private final SecureRandom random = new SecureRandom();

    public ConnectionMemberKeys(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<byte[]> keyForWriting(String memberId) {
        Optional<byte[]> existing = keyForReading(memberId);
        if (existing.isPresent() || isErased(memberId)) {
            return existing;
        }
        store(memberId, PersonalDataCipher.newKey(random));
        return keyForReading(memberId);
    }

    @Override
    public Optional<byte[]> keyForReading(String memberId) {
        try (PreparedStatement select = connection.prepareStatement("SELECT data_key FROM member_keys WHERE member_id = ?")) {
            select.setString(1, memberId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key of member " + memberId, e);
        }
    }

    /** When the member was erased, if they were. */
    public Optional<Instant> erasedAt(String memberId) {
        try (PreparedStatement select = connection.prepareStatement("SELECT erased_at FROM erased_members WHERE member_id = ?")) {
            select.setString(1, memberId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the erasure of member " + memberId, e);
        }
    }

    public boolean isErased(String memberId) {
        return erasedAt(memberId).isPresent();
    }

    /** Keeps a given key (an import carries the keys of the events it brings). */
    public void store(String memberId, byte[] key) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO member_keys (member_id, data_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, memberId);
            insert.setBytes(2, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the key of member " + memberId, e);
        }
    }

    /** Remembers an erasure (an import carries the erasures of the members whose events it brings). */
    public void recordErasure(String memberId, Instant erasedAt) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO erased_members (member_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, memberId);
            insert.setTimestamp(2, java.sql.Timestamp.from(erasedAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the erasure of member " + memberId, e);
        }
    }
}
