package dev.praxis.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events as NDJSON, one object per line, in global order, streamed from a cursor:
 * <pre>
 * {"position":42,"eventId":"...","aggregateId":"...","aggregateType":"Question","sequence":3,
 *  "type":"dev.praxis.api.question.AnswerPosted","revision":null,"time":"2026-11-26T01:02:03.456Z",
 *  "payload":{...},"metadata":{...},"chainHash":"9f86d0..."}
 * </pre>
 * {@code payload} and {@code metadata} are the stored JSON text spliced in byte for byte (so that an
 * import stores exactly the text the chain hashed); a stored text that is not one line of JSON travels
 * as a string in {@code payloadText} / {@code metadataText} instead. {@code time} is the stored
 * time stamp as is; {@code chainHash} the event's link in the hash chain (hex), null if it has none.
 */
public final class EventExport {

    private static final int FETCH = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private final Connection connection;

    public EventExport(Connection connection) {
        this.connection = connection;
    }

    /** Writes the selected events to {@code out} (flushed every few hundred lines) and answers how many. */
    public long export(ExportSelection selection, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false); // a cursor, not the whole result in memory
            List<Object> parameters = new ArrayList<>();
            String sql = query(selection, parameters);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                long count = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.write(line(StoredEvent.read(rs, 0), rs.getBytes(11)));
                        if (++count % FETCH == 0) {
                            out.flush();
                        }
                    }
                }
                out.flush();
                return count;
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    static String query(ExportSelection selection, List<Object> parameters) {
        String select = "SELECT " + prefixed("e.") + ", c.hash FROM domain_event_entry e "
                + "LEFT JOIN event_chain c ON c.global_index = e.global_index";
        List<String> where = new ArrayList<>();
        String with = "";
        if (selection.fromPosition() != null) {
            where.add("e.global_index >= ?");
            parameters.add(selection.fromPosition());
        }
        if (selection.toPosition() != null) {
            where.add("e.global_index <= ?");
            parameters.add(selection.toPosition());
        }
        if (selection.fromTime() != null) {
            where.add("praxis_event_time(e.time_stamp) >= ?");
            parameters.add(selection.fromTime().atOffset(ZoneOffset.UTC));
        }
        if (selection.toTime() != null) {
            where.add("praxis_event_time(e.time_stamp) < ?");
            parameters.add(selection.toTime().atOffset(ZoneOffset.UTC));
        }
        if (selection.communityId() != null) {
            with = """
                    WITH community_events AS (
                        SELECT aggregate_identifier, payload::jsonb AS p FROM domain_event_entry
                        WHERE (payload::jsonb ->> 'communityId') = ?),
                    members AS (
                        SELECT p ->> 'memberId' AS id FROM community_events WHERE p ->> 'memberId' IS NOT NULL
                        UNION SELECT p ->> 'actorId' FROM community_events WHERE p ->> 'actorId' IS NOT NULL),
                    streams AS (
                        SELECT aggregate_identifier FROM community_events
                        UNION SELECT aggregate_identifier FROM domain_event_entry
                              WHERE (payload::jsonb ->> 'memberId') IN (SELECT id FROM members)
                                AND (payload::jsonb ->> 'communityId') IS NULL)
                    """;
            parameters.add(0, selection.communityId());
            where.add("e.aggregate_identifier IN (SELECT aggregate_identifier FROM streams)");
        }
        return with + select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.global_index";
    }

    private static String prefixed(String alias) {
        return alias + StoredEvent.COLUMNS.replace(", ", ", " + alias);
    }

    /** One NDJSON line, newline included. */
    public static byte[] line(StoredEvent e, byte[] chainHash) {
        StringBuilder text = new StringBuilder(256 + (e.payload() == null ? 0 : e.payload().length()));
        try (JsonGenerator json = JSON.createGenerator(new java.io.Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                text.append(chars, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        })) {
            json.writeStartObject();
            json.writeNumberField("position", e.position());
            json.writeStringField("eventId", e.eventId());
            json.writeStringField("aggregateId", e.aggregateId());
            json.writeStringField("aggregateType", e.aggregateType());
            json.writeNumberField("sequence", e.sequence());
            json.writeStringField("type", e.payloadType());
            json.writeStringField("revision", e.payloadRevision());
            json.writeStringField("time", e.timeStamp());
            embed(json, "payload", e.payload());
            embed(json, "metadata", e.metadata());
            json.writeStringField("chainHash", ChainHash.hex(chainHash));
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        text.append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void embed(JsonGenerator json, String field, String stored) throws IOException {
        if (stored == null) {
            json.writeNullField(field);
        } else if (isOneLineOfJson(stored)) {
            json.writeFieldName(field);
            json.writeRawValue(stored);
        } else {
            json.writeStringField(field + "Text", stored);
        }
    }

    /** Whether the text is exactly one JSON value on one line, so that it can be spliced into a line as is. */
    static boolean isOneLineOfJson(String text) {
        if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
