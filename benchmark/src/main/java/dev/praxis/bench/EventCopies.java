package dev.praxis.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Bulk data for the replay and growth measurements: copies of a question thread that was written
 * through the API, so every row is exactly what the command side stores (payload JSON of the
 * storage mapper, payload type, aggregate type, metadata). Each copy gets fresh ids for the
 * question, its answers and comments and fresh event ids, and keeps the community and the members;
 * it is appended with PostgreSQL's COPY. The command side's own lookup tables do not learn of the
 * copies: they are for reading and replaying, not for new commands.
 */
final class EventCopies {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String COLUMNS =
            "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private record Row(String aggregate, long sequence, String type, String timeStamp, String payloadType,
                       String revision, String payload, String metaData) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final List<Row> template = new ArrayList<>();
    private final Set<String> variableIds = new LinkedHashSet<>();

    EventCopies(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Reads the thread of {@code questionId}; every id in it but the community's is renewed per copy. */
    void learn(String questionId, String communityId) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index")) {
            s.setString(1, questionId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    template.add(new Row(r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8)));
                }
            }
        }
        if (template.isEmpty()) {
            throw new IllegalStateException("No events for the template question " + questionId);
        }
        for (Row row : template) {
            Matcher m = UUID_PATTERN.matcher(row.aggregate() + " " + row.payload());
            while (m.find()) {
                variableIds.add(m.group());
            }
        }
        variableIds.remove(communityId);
    }

    int eventsPerCopy() {
        return template.size();
    }

    /** The payload type of the template's first event and the row itself, for the JDBC baseline. */
    String[] firstRow() {
        Row r = template.get(0);
        return new String[] {r.type(), r.timeStamp(), r.payloadType(), r.revision(), r.payload(), r.metaData()};
    }

    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Appends copies until the store holds at least {@code total} events; returns how many it appended. */
    long growTo(long total) throws SQLException, IOException {
        long appended = 0;
        try (Connection c = connect()) {
            long have = count(c);
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder csv = new StringBuilder(8 << 20);
            int rows = 0;
            while (have + appended + rows < total) {
                Map<String, String> fresh = new HashMap<>();
                for (String id : variableIds) {
                    fresh.put(id, UUID.randomUUID().toString());
                }
                for (Row row : template) {
                    field(csv, UUID.randomUUID().toString()).append(',');
                    field(csv, renew(row.aggregate(), fresh)).append(',');
                    csv.append(row.sequence()).append(',');
                    field(csv, row.type()).append(',');
                    field(csv, row.timeStamp()).append(',');
                    field(csv, row.payloadType()).append(',');
                    field(csv, row.revision()).append(',');
                    field(csv, renew(row.payload(), fresh)).append(',');
                    field(csv, row.metaData()).append('\n');
                    rows++;
                }
                if (rows >= 20_000) {
                    appended += copy(pg, csv);
                    csv.setLength(0);
                    rows = 0;
                }
            }
            if (rows > 0) {
                appended += copy(pg, csv);
            }
        }
        return appended;
    }

    private static long copy(PGConnection pg, StringBuilder csv) throws SQLException, IOException {
        return pg.getCopyAPI().copyIn("COPY domain_event_entry (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)",
                new StringReader(csv.toString()));
    }

    private static String renew(String text, Map<String, String> fresh) {
        if (text == null) {
            return null;
        }
        Matcher m = UUID_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, fresh.getOrDefault(m.group(), m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A CSV field: null is empty and unquoted (NULL in COPY csv), text is quoted. */
    private static StringBuilder field(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                csv.append('"');
            }
            csv.append(ch);
        }
        return csv.append('"');
    }
}
