package dev.praxis.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals checkpoints: consecutive ranges of global positions, each hashed over the chain links of its
 * events and chained to the checkpoint before it (V90__event_chain.sql). A range is sealed only after
 * {@link ChainVerifier} found it intact, and only up to a head that the caller knows no open
 * transaction can still fill ({@link CheckpointJob}). One sealer at a time, across instances, by a
 * transaction-scoped advisory lock.
 */
public final class Checkpoints {

    /** The advisory lock key of the sealer ("praxchk" in ASCII). */
    static final long LOCK = 0x70726178636863L;

    /** A sealed checkpoint. */
    public record Sealed(long number, long from, long to, long eventCount, String hash) {
    }

    private final Connection connection;
    private final int maxEvents;

    /**
     * @param connection the connection to work on (it runs its own transactions on it)
     * @param maxEvents  the most events one checkpoint seals; a longer stretch gets several
     */
    public Checkpoints(Connection connection, int maxEvents) {
        this.connection = connection;
        this.maxEvents = maxEvents;
    }

    /**
     * Seals everything after the last checkpoint up to {@code head} (included). Answers the checkpoints
     * sealed; none when another instance is sealing or the range is not intact (then it answers the
     * verification's finding through {@link SealingRefusedException}).
     */
    public List<Sealed> sealUpTo(long head) throws SQLException {
        List<Sealed> sealed = new ArrayList<>();
        while (true) {
            Sealed next = sealNext(head);
            if (next == null) {
                return sealed;
            }
            sealed.add(next);
        }
    }

    private Sealed sealNext(long head) throws SQLException {
        Sealed last = last();
        long from = last == null ? 0 : last.to() + 1;
        if (head < from) {
            return null;
        }
        long to = Math.min(head, endOfChunk(from));
        VerificationReport report = new ChainVerifier(connection).verify(from, to);
        if (!report.intact()) {
            throw new SealingRefusedException(report);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.rollback();
                        return null;
                    }
                }
            }
            Sealed current = last();
            if (!same(current, last)) {
                connection.rollback();
                return null; // another instance sealed meanwhile; the next run continues from there
            }
            long number = last == null ? 1 : last.number() + 1;
            List<byte[]> hashes = new ArrayList<>();
            try (PreparedStatement links = connection.prepareStatement(
                    "SELECT hash FROM event_chain WHERE global_index BETWEEN ? AND ? ORDER BY global_index")) {
                links.setLong(1, from);
                links.setLong(2, to);
                try (ResultSet rs = links.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(rs.getBytes(1));
                    }
                }
            }
            ChainHash.Checkpoint checkpoint = ChainHash.checkpoint(last == null ? null : ChainHash.fromHex(last.hash()),
                    number, from, to, hashes.size());
            hashes.forEach(checkpoint::add);
            byte[] hash = checkpoint.digest();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_chain_checkpoint "
                    + "(checkpoint_number, from_position, to_position, event_count, hash) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, number);
                insert.setLong(2, from);
                insert.setLong(3, to);
                insert.setLong(4, hashes.size());
                insert.setBytes(5, hash);
                insert.executeUpdate();
            }
            connection.commit();
            return new Sealed(number, from, to, hashes.size(), ChainHash.hex(hash));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The newest checkpoint, null before the first. */
    public Sealed last() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT checkpoint_number, from_position, "
                + "to_position, event_count, hash FROM event_chain_checkpoint ORDER BY checkpoint_number DESC LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new Sealed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    ChainHash.hex(rs.getBytes(5))) : null;
        }
    }

    /** The position of the {@code maxEvents}-th event from {@code from} on, or the largest long when fewer follow. */
    private long endOfChunk(long from) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT global_index FROM event_chain WHERE global_index >= ? ORDER BY global_index OFFSET ? LIMIT 1")) {
            statement.setLong(1, from);
            statement.setLong(2, maxEvents - 1L);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MAX_VALUE;
            }
        }
    }

    private static boolean same(Sealed a, Sealed b) {
        return a == null ? b == null : b != null && a.number() == b.number();
    }

    /** The range to seal is not intact: sealing it would vouch for a changed history. */
    public static final class SealingRefusedException extends RuntimeException {
        private final VerificationReport report;

        SealingRefusedException(VerificationReport report) {
            super("The hash chain is broken at position " + report.firstBroken().position() + " ("
                    + report.firstBroken().problem() + "): no checkpoint is sealed over a changed history");
            this.report = report;
        }

        public VerificationReport report() {
            return report;
        }
    }
}
