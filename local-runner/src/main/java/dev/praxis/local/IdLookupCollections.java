package dev.praxis.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's two backends with collections that find a document by its {@code _id} the way
 * a real MongoDB does: through the {@code _id} index, also when the filter has further conditions.
 *
 * <p>The server uses an index only for a filter whose fields are exactly the index's, so
 * {@code {_id: "q1", _appliedEvents: {$ne: "e7"}}} (how a projection changes a document at most once
 * per event) or {@code {_id: "h1", version: 3}} (a change that names the version it read) scanned the
 * whole collection, and every replayed event grew slower with the store. Here the {@code _id} part
 * picks the candidates from the index and the whole filter is matched against them, which gives the
 * same documents: every field of a filter must hold.
 *
 * <p>The collections also leave out the server's running total of data size. It serialises the
 * document before and after every update to measure it (a third of the server's CPU time in a
 * replay, where much-changed documents carry the ids of the events applied to them), and only
 * {@code collStats}, {@code dbStats} and {@code validate} report it, which Praxis never sends.
 */
final class IdLookupCollections {

    private static final String ID = "_id";

    private IdLookupCollections() {
    }

    /** A database of the memory backend with these collections. */
    static MemoryDatabase memoryDatabase(String databaseName, CursorRegistry cursors) {
        return new MemoryDatabase(databaseName, cursors) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IdLookupMemoryCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    /** A database of the H2 backend on {@code store} with these collections. */
    static H2Database h2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        return new H2Database(databaseName, store, cursors) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // the maps H2Database itself opens for a collection, so that existing files stay readable
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = store.openMap("databases." + namespace);
                MVMap<String, Object> meta = store.openMap("meta." + namespace);
                return new IdLookupH2Collection(this, collectionName, options, data, meta, cursorRegistry);
            }
        };
    }

    /**
     * The {@code _id} index's candidates for a filter that names {@code _id} beside other fields, or
     * {@code null} when the filter has no {@code _id} the index can look up (the server then does as
     * it always does).
     */
    static <P> Iterable<P> candidatesById(Document query, List<Index<P>> indexes) {
        if (query == null || query.size() < 2 || !query.containsKey(ID)) {
            return null;
        }
        Document byId = new Document(ID, query.get(ID));
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /** Not final: a test counts the documents a query examines. */
    static class IdLookupMemoryCollection extends MemoryCollection {

        IdLookupMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Iterable<Integer> candidates = candidatesById(query, getIndexes());
            return candidates == null
                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }

    private static final class IdLookupH2Collection extends H2Collection {

        IdLookupH2Collection(MongoDatabase database, String name, CollectionOptions options,
                             MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Iterable<Object> candidates = candidatesById(query, getIndexes());
            return candidates == null
                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                    : matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }
}
