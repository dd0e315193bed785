package dev.praxis.gateway.protocol;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each query text once: a client sends the same few documents again and
 * again, with other variables, and parsing and validating one costs more CPU than executing a
 * small page of it. The documents are kept by their text, the least recently used dropped first,
 * within a budget of characters (a document may be as large as a request), because anyone may send
 * a text and memory is not endless. A text that failed to parse or validate is not kept, so its
 * errors are always those of the request that sent it.
 *
 * <p>A request that names a persisted query (Apollo's {@code persistedQuery} extension) goes to
 * {@code persisted}, which keeps its documents by their hash ({@link BoundedPersistedQueryCache}).
 * Validation depends on the schema alone, not on variables or operation name, so a kept document
 * serves every request with the same text. Checks that GraphQL Java runs as instrumentation at
 * validation ({@code AliasLimitInstrumentation}) passed when the document was kept; the others
 * (depth, complexity, cost, introspection) run on every execution, cached or not.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {

    private static final String PERSISTED_QUERY_EXTENSION = "persistedQuery";

    private final PreparsedDocumentProvider persisted;
    private final long maxCharacters;
    private final Map<String, PreparsedDocumentEntry> byText = new LinkedHashMap<>(16, 0.75f, true);
    private long characters;

    ParsedDocumentCache(PreparsedDocumentProvider persisted, long maxCharacters) {
        this.persisted = persisted;
        this.maxCharacters = maxCharacters;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        if (input.getExtensions().containsKey(PERSISTED_QUERY_EXTENSION) || text == null || text.length() > maxCharacters) {
            return persisted.getDocumentAsync(input, parseAndValidate);
        }
        PreparsedDocumentEntry known;
        synchronized (byText) {
            known = byText.get(text);
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // parsed outside the lock: two first requests with one text may both parse it, which is harmless
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            keep(text, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    private void keep(String text, PreparsedDocumentEntry entry) {
        synchronized (byText) {
            if (byText.put(text, entry) == null) {
                characters += text.length();
            }
            Iterator<String> eldest = byText.keySet().iterator();
            while (characters > maxCharacters && eldest.hasNext()) {
                characters -= eldest.next().length();
                eldest.remove();
            }
        }
    }

    /** How many texts are kept, and how many characters they hold together. */
    long[] size() {
        synchronized (byText) {
            return new long[] {byText.size(), characters};
        }
    }
}
