package dev.praxis.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.privacy.PersonalDataCipher;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privacy.ConnectionMemberKeys;
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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 *
 * <p>Members' personal texts are stored encrypted (docs/privacy.md): an event that carries some also
 * gets {@code "personalData": {"displayName": "Ada", ...}}, the texts opened for readers of the
 * file, or {@code [erased]} for an erased member. After the events, one line per member whose
 * personal data they carry: {@code {"memberKey":{"memberId":"...","key":"<base64>"}}}, so that an
 * import into an empty store reads them as this one does, or, for an erased member,
 * {@code {"erasedMember":{"memberId":"...","erasedAt":"..."}}}: their key is gone here, and in the
 * file.
 */
public final class EventExport {

    private static final int FETCH = 500;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = MessageJson.storageMapper();

    private final Connection connection;
    private final ConnectionMemberKeys keys;
    private final PersonalDataCipher cipher;

    public EventExport(Connection connection) {
        this.connection = connection;
        this.keys = new ConnectionMemberKeys(connection);
        this.cipher = new PersonalDataCipher(keys);
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
                Set<String> subjects = new TreeSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent event = StoredEvent.read(rs, 0);
                        out.write(line(event, rs.getBytes(11), personalData(event, subjects)));
                        if (++count % FETCH == 0) {
                            out.flush();
                        }
                    }
                }
                for (String memberId : subjects) {
                    out.write(keyLine(memberId));
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

    /** The personal texts of a stored event, opened (or erased); null when it carries none. */
    private ObjectNode personalData(StoredEvent event, Set<String> subjects) throws IOException {
        if (event.payload() == null || !event.payload().contains("\"" + PersonalDataCipher.SUBJECT + "\"")) {
            return null;
        }
        JsonNode payload = MAPPER.readTree(event.payload());
        if (!(payload instanceof ObjectNode message)) {
            return null;
        }
        ObjectNode opened = MAPPER.createObjectNode();
        message.fields().forEachRemaining(field -> {
            if (PersonalDataCipher.isEnvelope(field.getValue())) {
                subjects.add(field.getValue().get(PersonalDataCipher.SUBJECT).asText());
                opened.set(field.getKey(), field.getValue());
            }
        });
        if (opened.isEmpty()) {
            return null;
        }
        cipher.reveal(opened);
        return opened;
    }

    private byte[] keyLine(String memberId) throws IOException {
        ObjectNode line = MAPPER.createObjectNode();
        Optional<byte[]> key = keys.keyForReading(memberId);
        if (key.isPresent()) {
            line.putObject("memberKey").put("memberId", memberId).put("key", Base64.getEncoder().encodeToString(key.get()));
        } else {
            ObjectNode erased = line.putObject("erasedMember").put("memberId", memberId);
            keys.erasedAt(memberId).ifPresent(at -> erased.put("erasedAt", at.toString()));
        }
        return (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One NDJSON line, newline included. */
    public static byte[] line(StoredEvent e, byte[] chainHash) {
        return line(e, chainHash, null);
    }

    /** One NDJSON line with the event's personal texts opened, newline included. */
    public static byte[] line(StoredEvent e, byte[] chainHash, JsonNode personalData) {
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
            if (personalData != null) {
                json.writeFieldName("personalData");
                json.writeRawValue(personalData.toString());
            }
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
