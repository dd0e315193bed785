package dev.praxis.query.search;

import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The token store of the {@code search} processor alone: the token lives with the index it
 * describes (see {@link SearchIndex}), not in the shared MongoDB, because every instance has an
 * index of its own and may stand at a different position in the stream than the others. A new
 * instance, or one whose index directory was deleted, builds its index from the first event.
 *
 * <p>Claims are kept in memory: one processor of one instance owns the index, and Lucene's write
 * lock already keeps a second process away from the directory.
 */
class IndexTokenStore implements TokenStore {

    static final String PROCESSOR = "search";
    private static final int SEGMENT = 0;

    private final SearchIndex index;
    private final Serializer serializer;
    private final InMemoryTokenStore claims = new InMemoryTokenStore();

    IndexTokenStore(SearchIndex index, Serializer serializer) {
        this.index = index;
        this.serializer = serializer;
        TrackingToken committed = deserialize(index.token());
        if (!index.token().isEmpty()) {
            claims.initializeTokenSegments(PROCESSOR, 1, committed);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        claims.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        claims.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        claims.storeToken(token, processorName, segment);
        index.afterBatch(serialize(token));
    }

    /**
     * The processor starts (or restarts after an error) from here. When the writer holds changes of
     * a batch that never completed, the index goes back to its last commit and the processor to the
     * token committed with it, so that no event is applied twice.
     */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        if (index.changedSinceToken()) {
            TrackingToken committed = deserialize(index.rollbackToLastCommit());
            claims.storeToken(committed, processorName, segment);
            return committed;
        }
        return claims.fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        claims.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        claims.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        claims.deleteToken(processorName, segment);
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return claims.fetchSegments(processorName);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return claims.requiresExplicitSegmentInitialization();
    }

    private Map<String, String> serialize(TrackingToken token) {
        if (token == null) {
            return Map.of();
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        return Map.of(SearchIndex.TOKEN_TYPE, serialized.getType().getName(), SearchIndex.TOKEN_DATA, serialized.getData());
    }

    private TrackingToken deserialize(Map<String, String> data) {
        if (data == null || !data.containsKey(SearchIndex.TOKEN_DATA)) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data.get(SearchIndex.TOKEN_DATA), String.class,
                data.get(SearchIndex.TOKEN_TYPE), null));
    }
}
