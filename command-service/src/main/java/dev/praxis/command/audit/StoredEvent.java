package dev.praxis.command.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: the text of every column, untouched, which
 * is what the hash chain covers and what an export carries.
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String aggregateType,
                          String timeStamp, String payloadType, String payloadRevision, String payload,
                          String metadata) {

    /** The columns in the order {@link #read} expects, for {@code SELECT ... FROM domain_event_entry}. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    /** Reads the row at the cursor, whose first ten columns are {@link #COLUMNS} from {@code offset + 1} on. */
    public static StoredEvent read(ResultSet rs, int offset) throws SQLException {
        return new StoredEvent(rs.getLong(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                rs.getLong(offset + 4), rs.getString(offset + 5), rs.getString(offset + 6), rs.getString(offset + 7),
                rs.getString(offset + 8), rs.getString(offset + 9), rs.getString(offset + 10));
    }
}
