package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.privacy.PersonalDataCipher;
import dev.praxis.api.privacy.PersonalFields;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privacy.ConnectionMemberKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Encrypts the personal texts of the events stored before crypto-shredding existed (V66), so that
 * erasing a member who joined earlier shreds their data too. It runs once, before the hash chain
 * is laid over the events, in the migration's transaction: the store is either wholly converted or
 * not at all. Events that carry no personal data are not touched.
 */
public class V67__encrypt_existing_personal_data extends BaseJavaMigration {

    private static final ObjectMapper JSON = MessageJson.storageMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        PersonalDataCipher cipher = new PersonalDataCipher(new ConnectionMemberKeys(connection));
        for (String payloadType : payloadTypes(connection)) {
            PersonalFields fields = personalFieldsOf(payloadType);
            if (fields.isEmpty()) {
                continue;
            }
            List<Long> ids = new ArrayList<>();
            List<String> payloads = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT global_index, payload FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index")) {
                select.setString(1, payloadType);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        payloads.add(rows.getString(2));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    ObjectNode message = (ObjectNode) JSON.readTree(payloads.get(i));
                    cipher.protect(fields, message);
                    update.setString(1, JSON.writeValueAsString(message));
                    update.setLong(2, ids.get(i));
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        // snapshots hold aggregates' state in the clear: the aggregates are rebuilt from the events
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM snapshot_event_entry")) {
            delete.executeUpdate();
        }
    }

    private static List<String> payloadTypes(Connection connection) throws SQLException {
        List<String> types = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT payload_type FROM domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types;
    }

    private static PersonalFields personalFieldsOf(String payloadType) {
        try {
            return PersonalFields.of(Class.forName(payloadType));
        } catch (ClassNotFoundException e) {
            return PersonalFields.of(Object.class);
        }
    }
}
