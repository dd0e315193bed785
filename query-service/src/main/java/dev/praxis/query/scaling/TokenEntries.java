package dev.praxis.query.scaling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the tracking tokens of every instance from the shared token store without claiming them
 * (Axon's TokenStore API can only read a token by claiming it). The documents are those that
 * axon-mongo's MongoTokenStore writes to {@code tracking_tokens}.
 */
@Component
public class TokenEntries {

    public static final String COLLECTION = "tracking_tokens";

    private final MongoTemplate mongo;
    private final Serializer serializer;

    public TokenEntries(MongoTemplate mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    /** One segment of one processor: its token (null before its first event) and who holds it. */
    public record Entry(String processor, int segment, String owner, TrackingToken token) {
    }

    /** Every segment of every processor, by processor name, segments in order. */
    public Map<String, List<Entry>> all() {
        Query query = new Query().with(org.springframework.data.domain.Sort.by("processorName", "segment"));
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            Entry entry = entry(document);
            entries.computeIfAbsent(entry.processor(), p -> new ArrayList<>()).add(entry);
        }
        return entries;
    }

    /** The segments of one processor. */
    public List<Entry> of(String processor) {
        return mongo.find(Query.query(where("processorName").is(processor))
                        .with(org.springframework.data.domain.Sort.by("segment")), Document.class, COLLECTION)
                .stream().map(this::entry).toList();
    }

    private Entry entry(Document document) {
        return new Entry(document.getString("processorName"), document.getInteger("segment"),
                document.getString("owner"), token(document));
    }

    private TrackingToken token(Document document) {
        Object token = document.get("token");
        String type = document.getString("tokenType");
        if (token == null || type == null) {
            return null;
        }
        byte[] bytes = token instanceof Binary binary ? binary.getData() : (byte[]) token;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
