package dev.praxis.query;

import com.mongodb.client.MongoDatabase;
import dev.praxis.query.shared.AppliedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The read models of a database as comparable values, without the bookkeeping of applied events or
 * tokens, nor empty collections. The reputation inputs' order numbers are reserved a block at a time
 * (so their values depend on how the events were batched): they are compared by their order alone.
 */
public final class ReadModelDump {

    private static final String REPUTATION_INPUTS = "reputation_inputs";
    private static final String REPUTATION_COUNTERS = "reputation_counters";

    private ReadModelDump() {
    }

    /**
     * Makes the reputation inputs' order numbers comparable (in any generation of the collections):
     * each input's {@code seq} becomes its rank among the inputs' (1, 2, ...), and the counter they
     * were reserved from loses its value.
     */
    public static void comparableOrderNumbers(String collection, List<Document> documents) {
        String logical = collection.contains("__g") ? collection.substring(0, collection.indexOf("__g")) : collection;
        if (logical.equals(REPUTATION_COUNTERS)) {
            documents.forEach(d -> d.remove("seq"));
        } else if (logical.equals(REPUTATION_INPUTS)) {
            List<Long> order = documents.stream().map(d -> ((Number) d.get("seq")).longValue()).sorted().toList();
            documents.forEach(d -> d.put("seq", (long) order.indexOf(((Number) d.get("seq")).longValue()) + 1));
        }
    }

    public static Map<String, List<Document>> of(MongoDatabase database) {
        Map<String, List<Document>> dump = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.equals("tracking_tokens") || name.equals("query_instances") || name.equals("delivery_horizons")
                    || name.startsWith("system.")) {
                continue;
            }
            List<Document> documents = new ArrayList<>();
            database.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> {
                d.remove(AppliedEvents.FIELD);
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
