package dev.praxis.query.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which generation of each projection's read models is live: one control document
 * ({@value #CONTROL}/{@value #ID}) that every instance of the query service reads (cached for a
 * short time). Generation 0 is the plain collection names; generation n &gt; 0 suffixes them with
 * {@code __g<n>}. A switch is one single-document update, so readers see the old generation of all
 * the replayed projections or the new one of all of them, never a mix.
 *
 * <pre>
 * { _id: "generations", next: 3,
 *   groups: { reputation: { generation: 2, collections: [...], previous: 0, switchedAt: ... } },
 *   running: { replayId: ..., node: ..., heartbeatAt: ... } }
 * </pre>
 */
final class Generations {

    static final String CONTROL = "replay_control";
    static final String ID = "generations";
    private static final String SUFFIX = "__g";

    private final MongoDatabase raw;
    private final long ttlNanos;
    private volatile Snapshot snapshot;

    /** @param raw the read database without routing (the control collection is never routed) */
    Generations(MongoDatabase raw, Duration ttl) {
        this.raw = raw;
        this.ttlNanos = ttl.toNanos();
    }

    /** The read database without routing: collection names are physical there. */
    MongoDatabase raw() {
        return raw;
    }

    /** The physical name of a collection in a generation. */
    static String physical(String collection, int generation) {
        return generation == 0 ? collection : collection + SUFFIX + generation;
    }

    /** The live physical name of a collection, as readers and the live processors use it. */
    String live(String collection) {
        return physical(collection, snapshot().byCollection.getOrDefault(collection, 0));
    }

    /** The live generation and collections of a projection (generation 0 and none known before its first replay). */
    Live liveOf(String group) {
        Live live = snapshot().byGroup.get(group);
        return live != null ? live : new Live(0, Set.of());
    }

    /** Forgets the cached document: the next read sees the switch this instance just made. */
    void invalidate() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAt > ttlNanos) {
            current = read();
            snapshot = current;
        }
        return current;
    }

    private Snapshot read() {
        Document control = control().find(eq("_id", ID)).first();
        Map<String, Integer> byCollection = new HashMap<>();
        Map<String, Live> byGroup = new HashMap<>();
        if (control != null && control.get("groups") instanceof Document groups) {
            for (String group : groups.keySet()) {
                Document live = groups.get(group, Document.class);
                int generation = live.getInteger("generation", 0);
                Set<String> collections = Set.copyOf(live.getList("collections", String.class, List.of()));
                byGroup.put(group, new Live(generation, collections));
                collections.forEach(c -> byCollection.put(c, generation));
            }
        }
        return new Snapshot(System.nanoTime(), byCollection, byGroup);
    }

    /**
     * Takes the replay lock (nobody holds it, or its holder stopped beating for {@code stale}) and a
     * new generation number; null when another replay runs.
     */
    Integer acquire(String replayId, String node, Instant now, Duration stale) {
        Bson free = or(eq("running", null), lt("running.heartbeatAt", now.minus(stale)));
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            Document taken = control().findOneAndUpdate(and(eq("_id", ID), free), Updates.combine(
                    Updates.inc("next", 1),
                    Updates.set("running", new Document("replayId", replayId).append("node", node).append("heartbeatAt", now))),
                    upsert);
            return taken == null ? null : taken.getInteger("next");
        } catch (MongoWriteException | MongoCommandException held) {
            // the document exists and the filter missed it: the upsert collided with its _id
            return null;
        }
    }

    /** Keeps the lock: a holder that stops beating (a killed instance) loses it after a while. */
    void beat(String replayId, Instant now) {
        control().updateOne(and(eq("_id", ID), eq("running.replayId", replayId)), Updates.set("running.heartbeatAt", now));
    }

    void release(String replayId) {
        control().updateOne(and(eq("_id", ID), eq("running.replayId", replayId)), Updates.set("running", null));
    }

    /**
     * Asks every other instance to let go of the live processors' segments of these projections (a
     * switch in progress on {@code node}); {@link #switching} answers it to them.
     */
    void requestRelease(String replayId, String node, Collection<String> groups) {
        control().updateOne(and(eq("_id", ID), eq("running.replayId", replayId)), Updates.set("running.switching",
                new Document("node", node).append("groups", new ArrayList<>(groups))));
    }

    /** The projections whose segments a switch on another instance needs now; empty when none. */
    List<String> switching(String node) {
        Document control = control().find(eq("_id", ID)).first();
        Document running = control == null ? null : control.get("running", Document.class);
        Document switching = running == null ? null : running.get("switching", Document.class);
        if (switching == null || node.equals(switching.getString("node"))) {
            return List.of();
        }
        return switching.getList("groups", String.class, List.of());
    }

    /** The replay that holds the lock now, if any. */
    String running() {
        Document control = control().find(eq("_id", ID)).first();
        Document running = control == null ? null : control.get("running", Document.class);
        return running == null ? null : running.getString("replayId");
    }

    /**
     * Makes the generation live for the projections, each with its collections, in one atomic update;
     * answers the generations they leave.
     */
    Map<String, Live> switchTo(int generation, Map<String, Set<String>> collections, Instant now) {
        Map<String, Live> previous = new HashMap<>();
        List<Bson> updates = new ArrayList<>();
        Snapshot before = read();
        collections.forEach((group, owned) -> {
            Live old = before.byGroup.getOrDefault(group, new Live(0, Set.of()));
            // a collection the projection no longer touches keeps its old name in the old generation
            previous.put(group, old);
            updates.add(Updates.set("groups." + group, new Document("generation", generation)
                    .append("collections", new ArrayList<>(owned)).append("previous", old.generation())
                    .append("switchedAt", now)));
        });
        control().updateOne(eq("_id", ID), Updates.combine(updates));
        invalidate();
        return previous;
    }

    /** Drops the collections of a generation that is not live (a finished replay's old one, a failed replay's new one). */
    void drop(Collection<String> collections, int generation) {
        Snapshot now = read();
        for (String collection : collections) {
            if (now.byCollection.getOrDefault(collection, 0) != generation) {
                raw.getCollection(physical(collection, generation)).drop();
            }
        }
    }

    private MongoCollection<Document> control() {
        return raw.getCollection(CONTROL);
    }

    /** A projection's live generation and the collections that live in it. */
    record Live(int generation, Set<String> collections) {
    }

    private record Snapshot(long readAt, Map<String, Integer> byCollection, Map<String, Live> byGroup) {
    }
}
