package dev.praxis.query.search;

import dev.praxis.query.search.IndexDocuments.TagSynonym;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of this query-service instance: one Lucene directory, one writer, a near-real-time
 * searcher, and the position in the event stream that the index reflects.
 *
 * <p>Writes come from one thread, the {@code search} processor. Between its batches the processor
 * calls {@link #afterBatch}: the batch's entries go to the writer there and, at most every
 * {@code commitInterval}, the index is committed with the processor's token in the commit's user
 * data. Index and token are therefore committed together, atomically: after a crash the index
 * reopens at its last commit and the processor resumes from the token stored in it, redoing exactly
 * the events whose effects were lost. This is why the token lives here and not in MongoDB with the
 * other processors' tokens: MongoDB is shared by every instance, the index is not.
 *
 * <p>The searcher is refreshed when a search needs it, not after every batch: a search first
 * refreshes it if the writer has taken entries since (so a mutation's answer, which waits until every
 * processor has passed its event, still finds its effect in search results). Refreshing after every
 * batch was most of the search processor's CPU under live writes (a new segment for each small
 * batch), although searches are far rarer than writes.
 *
 * <p>An update reads the entry it changes back: from the entries written since the processor's own
 * last refresh (which the searcher may not see yet), else from the searcher. Entries reach the
 * writer only when the batch ends, once each: a batch of votes on one post analyses the post once,
 * not once per vote. The processor refreshes the searcher itself only when those entries grow to
 * {@value #PENDING_LIMIT}, and then forgets them.
 */
public class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String TOKEN_DATA = "praxis.token";
    static final String TOKEN_TYPE = "praxis.tokenType";
    /** How many entries the processor keeps written but not yet refreshed before it refreshes the searcher itself. */
    static final int PENDING_LIMIT = 500;

    private final Directory directory;
    private final Duration commitInterval;
    private final Object lifecycle = new Object();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Entries written since the processor last refreshed the searcher, by key: a read-your-own-write cache. */
    private final Map<String, Document> pending = new ConcurrentHashMap<>();
    /** How many times the writer has taken changes; and up to which of them the searcher shows. */
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong searchable = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    /** A change the pending entries do not cover (a deletion) waits for the searcher: refresh after the batch. */
    private boolean refreshAfterBatch;
    /** The keys of the pending entries that the writer has not been given yet. */
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    /** Tag synonyms by community: synonym to master. Few; read on every query. */
    private final Map<String, Map<String, String>> synonyms = new ConcurrentHashMap<>();
    private volatile Map<String, String> lastToken = Map.of();
    private volatile boolean changedSinceToken;
    private long lastCommitNanos = System.nanoTime();

    public SearchIndex(Path path, Duration commitInterval) {
        this.commitInterval = commitInterval;
        try {
            Files.createDirectories(path);
            // small segments of near-real-time refreshes stay in memory until merged or committed
            this.directory = new NRTCachingDirectory(FSDirectory.open(path), 8.0, 64.0);
            openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + path, e);
        }
        log.info("Search index in {} holds {} documents", path, documentCount());
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                // a refresh must not wait for merges: freshness is measured in milliseconds
                .setMaxFullFlushMergeWaitMillis(0);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        searchable.set(written.get());
        lastToken = committedUserData();
        pending.clear();
        unwritten.clear();
        refreshAfterBatch = false;
        loadSynonyms();
        changedSinceToken = false;
    }

    /** The token data of the last commit (empty for a new index). */
    Map<String, String> committedUserData() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
            if (committed != null) {
                committed.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reads for the projection ----

    Optional<PostEntry> post(String id) {
        return document(id).map(IndexDocuments::readPost);
    }

    Optional<MemberEntry> member(String memberId) {
        return document(IndexDocuments.MEMBER_PREFIX + memberId).map(IndexDocuments::readMember);
    }

    /** The answers and comments of a question (or the comments of an article), the post itself left out. */
    List<PostEntry> thread(String threadId) {
        Map<String, PostEntry> found = new HashMap<>();
        withCurrentSearcher(searcher -> {
            TopDocs docs = searcher.search(new TermQuery(new Term(SearchFields.THREAD, threadId)), Integer.MAX_VALUE);
            for (ScoreDoc hit : docs.scoreDocs) {
                PostEntry entry = IndexDocuments.readPost(searcher.storedFields().document(hit.doc));
                found.put(entry.id(), entry);
            }
            return null;
        });
        // (an entry in memory still has its unstored fields: the thread is read without decoding the entry)
        pending.values().stream()
                .filter(doc -> threadId.equals(doc.get(SearchFields.THREAD)) && doc.getBinaryValue(SearchFields.STATE) != null)
                .map(IndexDocuments::readPost)
                .forEach(entry -> found.put(entry.id(), entry));
        found.remove(threadId);
        return new ArrayList<>(found.values());
    }

    private Optional<Document> document(String key) {
        Document written = pending.get(key);
        if (written != null) {
            return Optional.of(written);
        }
        return withCurrentSearcher(searcher -> {
            TopDocs docs = searcher.search(new TermQuery(new Term(SearchFields.KEY, key)), 1);
            return docs.scoreDocs.length == 0 ? Optional.<Document>empty()
                    : Optional.of(searcher.storedFields().document(docs.scoreDocs[0].doc));
        });
    }

    // ---- writes of the projection ----

    void put(PostEntry post) {
        write(post.id(), IndexDocuments.post(post));
    }

    void put(MemberEntry member) {
        write(IndexDocuments.MEMBER_PREFIX + member.id(), IndexDocuments.member(member));
    }

    void putSynonym(String communityId, String synonym, String master) {
        write(IndexDocuments.synonymKey(communityId, synonym),
                IndexDocuments.synonym(new TagSynonym(communityId, synonym, master)));
        synonyms.computeIfAbsent(communityId, c -> new ConcurrentHashMap<>()).put(synonym, master);
    }

    void removeSynonym(String communityId, String synonym) {
        String key = IndexDocuments.synonymKey(communityId, synonym);
        try {
            writer.deleteDocuments(new Term(SearchFields.KEY, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending.remove(key);
        unwritten.remove(key);
        written.incrementAndGet();
        refreshAfterBatch = true; // the searcher still has the entry, and no pending entry hides it
        changedSinceToken = true;
        Map<String, String> ofCommunity = synonyms.get(communityId);
        if (ofCommunity != null) {
            ofCommunity.remove(synonym);
        }
    }

    private void write(String key, Document doc) {
        pending.put(key, doc);
        unwritten.add(key);
        changedSinceToken = true;
    }

    /** Hands the entries written since the last flush to the writer, the last version of each once. */
    private void flush() throws IOException {
        if (unwritten.isEmpty()) {
            return;
        }
        for (String key : unwritten) {
            Document doc = pending.get(key);
            if (doc != null) {
                writer.updateDocument(new Term(SearchFields.KEY, key), doc);
            }
        }
        unwritten.clear();
        written.incrementAndGet();
    }

    /**
     * Rewrites the segments that still hold deleted documents, so that an overwritten entry (an
     * erased member's names) leaves no trace in the index files after the next commit: Lucene
     * otherwise keeps a replaced document's terms and stored fields until a merge happens to pick
     * its segment.
     */
    void purgeReplaced() {
        try {
            flush();
            writer.forceMergeDeletes();
            written.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets everything: the processor is about to replay the whole stream. */
    void deleteAll() {
        try {
            writer.deleteAll();
            pending.clear();
            unwritten.clear();
            written.incrementAndGet();
            refresh(); // no pending entry hides what the searcher still has
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synonyms.clear();
        changedSinceToken = true;
    }

    // ---- the processor's batches and the token ----

    /**
     * The processor finished a batch up to the token (serialised): hand the batch to the writer (a
     * search refreshes the searcher when it needs to), and commit it with the token when the last
     * commit is old enough.
     */
    void afterBatch(Map<String, String> token) {
        try {
            flush();
            if (refreshAfterBatch || pending.size() >= PENDING_LIMIT) {
                refresh();
                pending.clear();
                refreshAfterBatch = false;
            }
            lastToken = Map.copyOf(token);
            changedSinceToken = false;
            if (System.nanoTime() - lastCommitNanos >= commitInterval.toNanos()) {
                commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token the index reflects: the last one its processor handed over, else the one of its last commit. */
    Map<String, String> token() {
        return lastToken;
    }

    /**
     * Whether the writer holds changes that no token covers: a batch failed halfway. Redoing it on
     * top of those changes would apply some events twice (votes would count double).
     */
    boolean changedSinceToken() {
        return changedSinceToken;
    }

    /** Drops every change since the last commit and answers the token committed with it. */
    Map<String, String> rollbackToLastCommit() {
        synchronized (lifecycle) {
            try {
                log.warn("Search index: a batch failed halfway; rolling back to the last commit");
                SearcherManager old = searchers;
                writer.rollback();
                openWriter();
                old.close();
                return lastToken;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void commit() throws IOException {
        synchronized (lifecycle) {
            flush();
            Map<String, String> token = lastToken;
            if (!token.isEmpty()) {
                writer.setLiveCommitData(token.entrySet());
            }
            writer.commit();
            lastCommitNanos = System.nanoTime();
        }
    }

    /** Makes everything the writer has taken searchable. */
    private void refresh() throws IOException {
        long upTo = written.get();
        searchers.maybeRefreshBlocking();
        searchable.accumulateAndGet(upTo, Math::max);
        refreshes.incrementAndGet();
    }

    /** How many times the searcher was refreshed since the index was opened (for tests). */
    long refreshes() {
        return refreshes.get();
    }

    // ---- reads for the searchers ----

    /**
     * Runs a read against a near-real-time searcher that shows every entry the writer has taken: it
     * is refreshed first if it does not yet (at most once for any number of searches between two
     * batches).
     */
    public <T> T withSearcher(SearcherFunction<T> read) {
        if (searchable.get() < written.get()) {
            try {
                refresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return withCurrentSearcher(read);
    }

    /** Runs a read against the searcher as it is: for the projection, whose pending entries cover the rest. */
    private <T> T withCurrentSearcher(SearcherFunction<T> read) {
        SearcherManager manager = searchers;
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return read.apply(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The master tag of each synonym: of one community, or of every community when it is null. */
    Map<String, Set<String>> synonymsToMasters(String communityId) {
        Map<String, Set<String>> result = new HashMap<>();
        synonyms.forEach((community, ofCommunity) -> {
            if (communityId == null || communityId.equals(community)) {
                ofCommunity.forEach((synonym, master) ->
                        result.computeIfAbsent(synonym, s -> new java.util.TreeSet<>()).add(master));
            }
        });
        return result;
    }

    /** Every name (master and synonyms) of the tags that {@code tag} names, including itself. */
    Set<String> tagFamily(String tag, String communityId) {
        Set<String> masters = new java.util.TreeSet<>();
        masters.add(tag);
        Map<String, Set<String>> toMasters = synonymsToMasters(communityId);
        masters.addAll(toMasters.getOrDefault(tag, Set.of()));
        Set<String> family = new java.util.TreeSet<>(masters);
        toMasters.forEach((synonym, ofSynonym) -> {
            if (ofSynonym.stream().anyMatch(masters::contains)) {
                family.add(synonym);
            }
        });
        return family;
    }

    private void loadSynonyms() {
        synonyms.clear();
        withSearcher(searcher -> {
            TopDocs docs = searcher.search(new TermQuery(new Term(SearchFields.KIND, IndexDocuments.SYNONYM_KIND)),
                    Integer.MAX_VALUE);
            for (ScoreDoc hit : docs.scoreDocs) {
                TagSynonym synonym = IndexDocuments.readSynonym(searcher.storedFields().document(hit.doc));
                synonyms.computeIfAbsent(synonym.communityId(), c -> new ConcurrentHashMap<>())
                        .put(synonym.synonym(), synonym.master());
            }
            return null;
        });
    }

    int documentCount() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Commits what the processor last handed over, then closes: a restart resumes right there. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            try {
                if (!changedSinceToken) {
                    commit();
                }
                searchers.close();
                writer.rollback(); // anything after the last commit is a half batch: not kept
                directory.close();
            } catch (IOException e) {
                log.warn("Closing the search index failed", e);
            }
        }
    }

    /** A read of the index that may throw Lucene's IOException. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
