package dev.praxis.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the hash chain from the events as they are stored now and compares it with what the
 * chain recorded when each event was written ({@code event_chain}) and with the sealed checkpoints
 * ({@code event_chain_checkpoint}). Plain JDBC, independent of the trigger that writes the chain, so
 * that the CLI, the HTTP endpoint and the checkpoint job run the same code.
 *
 * <p>It reads the events and the chain as two cursors in global order, in one repeatable-read
 * transaction (one snapshot), holding only the last link of each stream in memory.
 */
public final class ChainVerifier {

    private static final int FETCH = 1000;

    private final Connection connection;

    /** Works on the connection given; it sets it to a read-only repeatable-read transaction while it runs. */
    public ChainVerifier(Connection connection) {
        this.connection = connection;
    }

    /** Verifies the positions from..to (both included; null: from the first, to the last). */
    public VerificationReport verify(Long from, Long to) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return new Run(from == null ? 0 : from, to == null ? lastPosition() : to).run();
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private long lastPosition() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT greatest((SELECT max(global_index) FROM domain_event_entry), (SELECT max(global_index) FROM event_chain))");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            long last = rs.getLong(1);
            return rs.wasNull() ? -1 : last;
        }
    }

    private record ChainRow(long position, String eventId, String aggregateId, long sequence, byte[] hash) {
    }

    private record Checkpoint(long number, long from, long to, long eventCount, byte[] hash) {
    }

    /** The last link seen of a stream: its sequence number and the hash the next event chains from. */
    private record StreamHead(long sequence, byte[] hash) {
    }

    private final class Run {
        private final long from;
        private final long to;
        private final Map<String, StreamHead> heads = new HashMap<>();
        private final List<Checkpoint> checkpoints = new ArrayList<>();
        private int nextCheckpoint;
        private ChainHash.Checkpoint sealing;
        private long sealingCount;
        private long eventsChecked;
        private long checkpointsChecked;
        private long broken;
        private BrokenLink first;

        Run(long from, long to) {
            this.from = from;
            this.to = to;
        }

        VerificationReport run() throws SQLException {
            loadCheckpoints();
            try (PreparedStatement events = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index");
                 PreparedStatement chain = connection.prepareStatement("SELECT global_index, event_identifier, "
                         + "aggregate_identifier, sequence_number, hash FROM event_chain "
                         + "WHERE global_index BETWEEN ? AND ? ORDER BY global_index")) {
                for (PreparedStatement statement : List.of(events, chain)) {
                    statement.setFetchSize(FETCH);
                    statement.setLong(1, from);
                    statement.setLong(2, to);
                }
                try (ResultSet eventRows = events.executeQuery(); ResultSet chainRows = chain.executeQuery()) {
                    StoredEvent event = eventRows.next() ? StoredEvent.read(eventRows, 0) : null;
                    ChainRow link = chainRows.next() ? chainRow(chainRows) : null;
                    while (event != null || link != null) {
                        if (link == null || (event != null && event.position() < link.position())) {
                            passCheckpointsBefore(event.position());
                            check(event, null);
                            event = eventRows.next() ? StoredEvent.read(eventRows, 0) : null;
                        } else if (event == null || link.position() < event.position()) {
                            passCheckpointsBefore(link.position());
                            missing(link);
                            link = chainRows.next() ? chainRow(chainRows) : null;
                        } else {
                            passCheckpointsBefore(event.position());
                            check(event, link);
                            event = eventRows.next() ? StoredEvent.read(eventRows, 0) : null;
                            link = chainRows.next() ? chainRow(chainRows) : null;
                        }
                    }
                }
            }
            passCheckpointsBefore(Long.MAX_VALUE);
            return new VerificationReport(from, to, eventsChecked, checkpointsChecked, broken, first);
        }

        private void check(StoredEvent event, ChainRow link) throws SQLException {
            eventsChecked++;
            StreamHead head = heads.get(event.aggregateId());
            byte[] previous = null;
            BrokenLink problem = null;
            if (head == null && event.sequence() > 0) {
                previous = storedHashBeforeRange(event.aggregateId(), event.sequence() - 1);
                if (previous == null) {
                    problem = new BrokenLink(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                            "SEQUENCE_GAP", "The stream " + event.aggregateId() + " has no event with sequence "
                            + (event.sequence() - 1) + " before this one: an event was removed or moved.",
                            link == null ? null : ChainHash.hex(link.hash()), null);
                }
            } else if (head != null) {
                previous = head.hash();
                if (event.sequence() != head.sequence() + 1) {
                    problem = new BrokenLink(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                            "SEQUENCE_GAP", "The stream " + event.aggregateId() + " continues with sequence "
                            + event.sequence() + " after " + head.sequence() + ": an event was removed or reordered.",
                            link == null ? null : ChainHash.hex(link.hash()), null);
                }
            }
            byte[] computed = ChainHash.link(previous, event);
            if (problem == null && link == null) {
                problem = new BrokenLink(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                        "UNCHAINED_EVENT", "The event was written past the hash chain: the chain has no link for it.",
                        null, ChainHash.hex(computed));
            } else if (problem == null && !Arrays.equals(link.hash(), computed)) {
                problem = new BrokenLink(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                        "HASH_MISMATCH", "The event as stored now does not hash to the link recorded when it was "
                        + "written: its stored text (payload, metadata, time or ids) was changed.",
                        ChainHash.hex(link.hash()), ChainHash.hex(computed));
            }
            if (problem != null) {
                report(problem);
            }
            // After a broken link the stream continues from what the chain recorded, so that one
            // change counts once rather than breaking every later link of the stream.
            heads.put(event.aggregateId(), new StreamHead(event.sequence(),
                    problem != null && link != null ? link.hash() : computed));
            seal(computed);
        }

        private void missing(ChainRow link) {
            report(new BrokenLink(link.position(), link.eventId(), link.aggregateId(), link.sequence(), "MISSING_EVENT",
                    "The chain links event " + link.eventId() + " (sequence " + link.sequence() + " of "
                    + link.aggregateId() + ") at this position, but the store no longer holds it.",
                    ChainHash.hex(link.hash()), null));
            heads.put(link.aggregateId(), new StreamHead(link.sequence(), link.hash()));
        }

        private void report(BrokenLink link) {
            broken++;
            if (first == null) {
                first = link;
            }
        }

        private byte[] storedHashBeforeRange(String aggregateId, long sequence) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT hash FROM event_chain "
                    + "WHERE aggregate_identifier = ? AND sequence_number = ? AND global_index < ?")) {
                statement.setString(1, aggregateId);
                statement.setLong(2, sequence);
                statement.setLong(3, from);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        }

        // ---- checkpoints

        /** The checkpoints wholly inside the range, each with the one sealed before it (which may lie outside). */
        private void loadCheckpoints() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT checkpoint_number, from_position, "
                    + "to_position, event_count, hash FROM event_chain_checkpoint ORDER BY checkpoint_number");
                 ResultSet rs = statement.executeQuery()) {
                Checkpoint previous = null;
                while (rs.next()) {
                    Checkpoint checkpoint = new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getBytes(5));
                    if (checkpoint.from() >= from && checkpoint.to() <= to) {
                        checkpoints.add(checkpoint);
                        predecessors.put(checkpoint.number(), previous);
                    }
                    previous = checkpoint;
                }
            }
        }

        private final Map<Long, Checkpoint> predecessors = new HashMap<>();

        /** Closes the checkpoints that end before the position and opens the one it starts. */
        private void passCheckpointsBefore(long position) {
            while (nextCheckpoint < checkpoints.size()) {
                Checkpoint current = checkpoints.get(nextCheckpoint);
                if (sealing == null) {
                    if (position < current.from()) {
                        return;
                    }
                    open(current);
                }
                if (position <= current.to()) {
                    return;
                }
                close(current);
                nextCheckpoint++;
            }
        }

        private void open(Checkpoint checkpoint) {
            Checkpoint previous = predecessors.get(checkpoint.number());
            sealing = ChainHash.checkpoint(previous == null ? null : previous.hash(), checkpoint.number(),
                    checkpoint.from(), checkpoint.to(), checkpoint.eventCount());
            sealingCount = 0;
            if (checkpoint.number() > 1 && (previous == null || previous.number() != checkpoint.number() - 1
                    || previous.to() + 1 != checkpoint.from())) {
                report(new BrokenLink(checkpoint.from(), null, null, null, "CHECKPOINT_GAP",
                        "Checkpoint " + checkpoint.number() + " does not follow checkpoint " + (checkpoint.number() - 1)
                        + ": a checkpoint was removed or its range changed.", null, null));
            }
        }

        private void seal(byte[] eventHash) {
            if (sealing != null) {
                sealing.add(eventHash);
                sealingCount++;
            }
        }

        private void close(Checkpoint checkpoint) {
            checkpointsChecked++;
            byte[] computed = sealing.digest();
            sealing = null;
            if (sealingCount != checkpoint.eventCount() || !Arrays.equals(computed, checkpoint.hash())) {
                report(new BrokenLink(checkpoint.to(), null, null, null, "CHECKPOINT_MISMATCH",
                        "Checkpoint " + checkpoint.number() + " sealed " + checkpoint.eventCount() + " events over positions "
                        + checkpoint.from() + ".." + checkpoint.to() + "; the store now holds " + sealingCount
                        + " there, and they hash differently: events were removed, added or rewritten.",
                        ChainHash.hex(checkpoint.hash()), ChainHash.hex(computed)));
            }
        }
    }

    private static ChainRow chainRow(ResultSet rs) throws SQLException {
        return new ChainRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5));
    }
}
