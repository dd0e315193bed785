package dev.praxis.query;

import com.mongodb.client.MongoDatabase;
import dev.praxis.query.shared.AppliedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** The read models of a database as comparable values, without the bookkeeping of applied events or tokens, nor empty collections. */
public final class ReadModelDump {

    private ReadModelDump() {
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
            if (!documents.isEmpty()) {
                // an empty collection (one whose indexes were declared, say) holds no read model
                dump.put(name, documents);
            }
        }
        return dump;
    }
}
