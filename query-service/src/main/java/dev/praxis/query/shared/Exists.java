package dev.praxis.query.shared;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Whether some document matches, asked as a find of at most one {@code _id}. Spring Data's
 * {@code MongoTemplate.exists} counts instead ({@code countDocuments}, an aggregation), which the
 * embedded MongoDB answers by scanning the whole collection, even for a filter on {@code _id} that
 * a find answers by key: a redelivered event's check cost a scan of its collection.
 */
public final class Exists {

    private Exists() {
    }

    public static boolean any(MongoTemplate mongo, Query query, String collection) {
        Query first = Query.of(query).limit(1);
        first.fields().include("_id");
        return mongo.findOne(first, Document.class, collection) != null;
    }
}
