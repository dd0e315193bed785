package dev.praxis.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.privacy.PersonalDataCipher;
import dev.praxis.command.privacy.ConnectionMemberKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an NDJSON export ({@link EventExport}) into an EMPTY event store, in one transaction: all of
 * it or nothing. Each event keeps its position, identifier, stream, sequence, time and stored text,
 * so that the trigger rebuilds the same hash chain, which the import then compares with the chain
 * hashes in the file: a file changed after its export is refused. The query service rebuilds its read
 * models from the imported events as from any others.
 *
 * <p>It refuses (and writes nothing): a store that holds events; a line that is not an event; positions
 * out of order; a stream that does not start at sequence 0 or skips one (an aggregate is only whole with
 * all its events: export a community or everything, not a range, to import it).
 */
public final class EventImport {

    private static final int BATCH = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Connection connection;
    private final ConnectionMemberKeys keys;

    public EventImport(Connection connection) {
        this.connection = connection;
        this.keys = new ConnectionMemberKeys(connection);
    }

    /** What an import did. */
    public record Result(long events, int streams, long lastPosition) {
    }

    /** The file cannot be imported; nothing was written. */
    public static final class ImportRefusedException extends RuntimeException {
        private final String code;

        public ImportRefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Result importFrom(BufferedReader reader) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
                 PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domain_event_entry")) {
                lock.execute();
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new ImportRefusedException("STORE_NOT_EMPTY", "The event store already holds " + rs.getLong(1)
                                + " events: import-events only fills an empty store (a new database, or "
                                + "PRAXIS_EVENTSTORE_URL pointing at one).");
                    }
                }
            }
            Result result = load(reader);
            if (result.events() > 0) {
                try (PreparedStatement sequence = connection.prepareStatement(
                        "SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), ?)")) {
                    sequence.setLong(1, result.lastPosition());
                    sequence.execute();
                }
            }
            connection.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private record Line(int number, StoredEvent event, byte[] chainHash) {
    }

    private Result load(BufferedReader reader) throws SQLException, IOException {
        Map<String, Long> streams = new HashMap<>();
        List<Line> batch = new ArrayList<>(BATCH);
        long last = -1;
        long events = 0;
        int number = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (" + StoredEvent.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (keyLine(number, text)) {
                    continue;
                }
                Line line = parse(number, text);
                StoredEvent e = line.event();
                if (e.position() <= last) {
                    throw refused(number, "OUT_OF_ORDER", "position " + e.position() + " does not follow " + last
                            + ": an export lists events in global order, each once");
                }
                Long previous = streams.get(e.aggregateId());
                long expected = previous == null ? 0 : previous + 1;
                if (e.sequence() != expected) {
                    throw refused(number, "INCOMPLETE_STREAM", "the stream " + e.aggregateId() + " continues with sequence "
                            + e.sequence() + " where " + expected + " was due: import needs whole streams "
                            + "(export a community or everything, not a range)");
                }
                streams.put(e.aggregateId(), e.sequence());
                last = e.position();
                bind(insert, e);
                insert.addBatch();
                batch.add(line);
                events++;
                if (batch.size() == BATCH) {
                    flush(insert, batch);
                }
            }
            flush(insert, batch);
        }
        return new Result(events, streams.size(), last);
    }

    /**
     * A line after the events that carries a member's key ({@code memberKey}) or erasure
     * ({@code erasedMember}), see {@link EventExport}: the imported store then reads the members'
     * personal texts as the exporting one did, and refuses erased members as it did.
     */
    private boolean keyLine(int number, String text) throws IOException {
        if (!text.startsWith("{\"memberKey\"") && !text.startsWith("{\"erasedMember\"")) {
            return false;
        }
        JsonNode line;
        try {
            line = MAPPER.readTree(text);
        } catch (IOException e) {
            throw refused(number, "NOT_AN_EVENT", "the line is not valid JSON");
        }
        JsonNode key = line.path("memberKey");
        JsonNode erased = line.path("erasedMember");
        if (key.path("memberId").isTextual() && key.path("key").isTextual()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.get("key").asText());
            } catch (IllegalArgumentException e) {
                throw refused(number, "NOT_AN_EVENT", "the member key is not base64");
            }
            if (bytes.length != PersonalDataCipher.KEY_BYTES) {
                throw refused(number, "NOT_AN_EVENT", "a member key has " + PersonalDataCipher.KEY_BYTES + " bytes");
            }
            keys.store(key.get("memberId").asText(), bytes);
            return true;
        }
        if (erased.path("memberId").isTextual()) {
            Instant at;
            try {
                at = erased.hasNonNull("erasedAt") ? Instant.parse(erased.get("erasedAt").asText()) : Instant.now();
            } catch (java.time.format.DateTimeParseException e) {
                throw refused(number, "NOT_AN_EVENT", "erasedAt is not an instant");
            }
            keys.recordErasure(erased.get("memberId").asText(), at);
            return true;
        }
        throw refused(number, "NOT_AN_EVENT", "a key line names a memberId and a key, or an erased memberId");
    }

    /** Inserts the batch and compares the links the trigger made with the file's chain hashes. */
    private void flush(PreparedStatement insert, List<Line> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        insert.executeBatch();
        Map<Long, byte[]> made = new HashMap<>();
        try (PreparedStatement links = connection.prepareStatement(
                "SELECT global_index, hash FROM event_chain WHERE global_index BETWEEN ? AND ?")) {
            links.setLong(1, batch.get(0).event().position());
            links.setLong(2, batch.get(batch.size() - 1).event().position());
            try (ResultSet rs = links.executeQuery()) {
                while (rs.next()) {
                    made.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        for (Line line : batch) {
            if (line.chainHash() != null && !Arrays.equals(line.chainHash(), made.get(line.event().position()))) {
                throw refused(line.number(), "CHAIN_MISMATCH", "the event " + line.event().eventId()
                        + " does not hash to the chain hash the export recorded: the file was changed after it was "
                        + "exported");
            }
        }
        batch.clear();
    }

    private static void bind(PreparedStatement insert, StoredEvent e) throws SQLException {
        insert.setLong(1, e.position());
        insert.setString(2, e.eventId());
        insert.setString(3, e.aggregateId());
        insert.setLong(4, e.sequence());
        insert.setString(5, e.aggregateType());
        insert.setString(6, e.timeStamp());
        insert.setString(7, e.payloadType());
        insert.setString(8, e.payloadRevision());
        insert.setString(9, e.payload());
        insert.setString(10, e.metadata());
    }

    /** Reads one line; {@code payload} and {@code metadata} as the exact text they have in the line. */
    static Line parse(int number, String text) {
        Long position = null;
        Long sequence = null;
        Map<String, String> strings = new HashMap<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw refused(number, "NOT_AN_EVENT", "the line is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "position" -> position = number(parser, value, number, field);
                    case "sequence" -> sequence = number(parser, value, number, field);
                    case "payload", "metadata" -> {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getCharOffset();
                        if (value != JsonToken.VALUE_NULL) {
                            strings.put(field, text.substring(start, end));
                        }
                    }
                    default -> {
                        if (value == JsonToken.VALUE_STRING) {
                            strings.put(field, parser.getText());
                        } else if (value != JsonToken.VALUE_NULL) {
                            parser.skipChildren();
                        }
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw refused(number, "NOT_AN_EVENT", "the line holds more than one JSON object");
            }
        } catch (IOException e) {
            throw refused(number, "NOT_AN_EVENT", "the line is not valid JSON");
        }
        String payload = strings.containsKey("payload") ? strings.get("payload") : strings.get("payloadText");
        String metadata = strings.containsKey("metadata") ? strings.get("metadata") : strings.get("metadataText");
        for (String required : List.of("eventId", "aggregateId", "type", "time")) {
            if (strings.get(required) == null || strings.get(required).isEmpty()) {
                throw refused(number, "NOT_AN_EVENT", "the event has no " + required);
            }
        }
        if (position == null || position < 0 || sequence == null || sequence < 0 || payload == null) {
            throw refused(number, "NOT_AN_EVENT", "the event needs a position, a sequence and a payload");
        }
        byte[] chainHash = null;
        if (strings.get("chainHash") != null) {
            try {
                chainHash = ChainHash.fromHex(strings.get("chainHash"));
            } catch (IllegalArgumentException e) {
                throw refused(number, "NOT_AN_EVENT", "chainHash is not hexadecimal");
            }
        }
        return new Line(number, new StoredEvent(position, strings.get("eventId"), strings.get("aggregateId"), sequence,
                strings.get("aggregateType"), strings.get("time"), strings.get("type"), strings.get("revision"),
                payload, metadata), chainHash);
    }

    private static long number(JsonParser parser, JsonToken value, int line, String field) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw refused(line, "NOT_AN_EVENT", field + " is not a whole number");
        }
        return parser.getLongValue();
    }

    private static ImportRefusedException refused(int line, String code, String reason) {
        return new ImportRefusedException(code, "Line " + line + ": " + reason + ". Nothing was imported.");
    }
}
