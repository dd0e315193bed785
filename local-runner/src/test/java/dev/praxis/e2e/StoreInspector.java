package dev.praxis.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.praxis.local.LocalSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Looks into the stores behind a running system, as an operator with database access would. */
final class StoreInspector {

    private StoreInspector() {
    }

    static long eventCount(LocalSystem system) {
        try (Connection connection = DriverManager.getConnection(system.jdbcUrl(), system.jdbcUser(), system.jdbcPassword());
             ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot count events", e);
        }
    }

    /** Every read model document, without the projections' bookkeeping (applied event ids, tokens). */
    static Map<String, List<Document>> readModels(LocalSystem system) {
        try (MongoClient client = MongoClients.create(system.mongoUri())) {
            MongoDatabase database = client.getDatabase(databaseName(system));
            Map<String, List<Document>> dump = new TreeMap<>();
            for (String name : database.listCollectionNames()) {
                if (name.equals("tracking_tokens") || name.equals("query_instances") || name.equals("delivery_horizons")
                        || name.startsWith("system.")) {
                    continue;
                }
                List<Document> documents = new ArrayList<>();
                database.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> {
                    d.remove("_appliedEvents");
                    documents.add(d);
                });
                comparableOrderNumbers(name, documents);
                if (!documents.isEmpty()) {
                    // an empty collection (one whose indexes were declared, say) holds no read model
                    dump.put(name, documents);
                }
            }
            return dump;
        }
    }

    /**
     * The reputation inputs' order numbers are reserved a block per batch, so their values depend on
     * how the events were batched: each input's {@code seq} becomes its rank (1, 2, ...), and the
     * counter they were reserved from loses its value.
     */
    static void comparableOrderNumbers(String collection, List<Document> documents) {
        String logical = collection.contains("__g") ? collection.substring(0, collection.indexOf("__g")) : collection;
        if (logical.equals("reputation_counters")) {
            documents.forEach(d -> d.remove("seq"));
        } else if (logical.equals("reputation_inputs")) {
            List<Long> order = documents.stream().map(d -> ((Number) d.get("seq")).longValue()).sorted().toList();
            documents.forEach(d -> d.put("seq", (long) order.indexOf(((Number) d.get("seq")).longValue()) + 1));
        }
    }

    static void dropReadDatabase(LocalSystem system) {
        try (MongoClient client = MongoClients.create(system.mongoUri())) {
            client.getDatabase(databaseName(system)).drop();
        }
    }

    private static String databaseName(LocalSystem system) {
        String uri = system.mongoUri();
        String path = uri.substring(uri.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
