package dev.praxis.api.privacy;

import java.util.Optional;

/**
 * Where the members' data keys live (a table beside the event store). A key is 256 random bits,
 * one per member, created on the first write of their personal data and deleted when they are
 * erased; the events never hold a key.
 */
public interface MemberKeys {

    /** The member's key for a new event: created when missing; empty once the member is erased. */
    Optional<byte[]> keyForWriting(String memberId);

    /** The member's key for reading stored events: empty when the member is erased (or never had one). */
    Optional<byte[]> keyForReading(String memberId);
}
