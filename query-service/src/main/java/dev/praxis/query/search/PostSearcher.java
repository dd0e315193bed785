package dev.praxis.query.search;

import dev.praxis.api.query.Page;
import dev.praxis.query.shared.QueryRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Full-text search over posts: builds the Lucene query from the query text, its operators and the
 * filters; ranks, pages and highlights. Visibility is a filter like the others: the caller passes
 * the private communities the viewer may not read, and nothing of theirs is ever collected.
 */
public class PostSearcher {

    /** How deep a result list may be paged: relevance beyond this is noise, and it bounds the work. */
    static final int MAX_DEPTH = 1000;
    private static final float TITLE_BOOST = 3f;
    private static final float TAG_BOOST = 2f;

    private final SearchIndex index;
    private final Analyzer analyzer = SearchAnalyzers.english();
    private final Clock clock;

    public PostSearcher(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** One page of the posts matching the query and filters, readable by the viewer. */
    public Page<SearchHitView> search(String queryText, SearchFilters filters, SearchSort sort, int first, String after,
                                      Set<String> unreadableCommunities) {
        SearchSyntax.Parsed parsed = SearchSyntax.parse(queryText);
        SearchFilters f = filters == null ? SearchFilters.none() : filters;
        int offset = decodeOffset(after);
        BooleanQuery.Builder filtered = new BooleanQuery.Builder();
        addFilters(filtered, parsed, f, unreadableCommunities);
        BooleanQuery filterClauses = filtered.build();
        return index.withSearcher(searcher -> {
            Query text = textQuery(parsed, f.communityId(), searcher);
            if (text == null && !hasFilter(parsed, f)) {
                throw QueryRejectedException.invalid("EMPTY_QUERY", "Search for some words, a [tag] or another filter.");
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
            filterClauses.clauses().forEach(query::add);
            Query ranked = sort == SearchSort.RELEVANCE
                    ? FunctionScoreQuery.boostByValue(query.build(), new RelevanceBoost(clock.millis()))
                    : query.build();
            TopFieldCollector collector = TopFieldCollector.create(lucene(sort), Math.min(offset + first, MAX_DEPTH), Integer.MAX_VALUE);
            searcher.search(ranked, collector);
            TopDocs top = collector.topDocs(offset, first);
            long total = top.totalHits.value;
            List<SearchHitView> hits = views(searcher, top.scoreDocs, text, sort);
            boolean hasNext = offset + hits.size() < Math.min(total, MAX_DEPTH);
            String endCursor = hits.isEmpty() ? null : encodeOffset(offset + hits.size());
            return new Page<>(hits, endCursor, hasNext, total);
        });
    }

    private static boolean hasFilter(SearchSyntax.Parsed parsed, SearchFilters f) {
        return !parsed.phrases().isEmpty() || !parsed.tags().isEmpty() || parsed.authorId() != null
                || !parsed.types().isEmpty() || parsed.answered() != null || parsed.minScore() != null
                || parsed.maxScore() != null || f.communityId() != null || (f.tags() != null && !f.tags().isEmpty())
                || f.authorId() != null || f.from() != null || f.to() != null || f.answered() != null
                || f.minScore() != null || f.maxScore() != null || (f.types() != null && !f.types().isEmpty());
    }

    /**
     * The text part: each word must match (most of them, for long queries) in the title, the body
     * or the tags, with typos forgiven at a lower weight; quoted phrases must match as phrases.
     */
    Query textQuery(SearchSyntax.Parsed parsed, String communityId, IndexSearcher searcher) throws IOException {
        List<String> words = words(parsed.text());
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        int clauses = 0;
        if (!words.isEmpty()) {
            BooleanQuery.Builder terms = new BooleanQuery.Builder();
            Map<String, Set<String>> synonyms = index.synonymsToMasters(communityId);
            int counted = 0;
            for (String word : words) {
                Query wordQuery = wordQuery(word, synonyms, communityId, searcher);
                if (wordQuery != null) {
                    terms.add(wordQuery, Occur.SHOULD);
                    counted++;
                }
            }
            if (counted > 0) {
                terms.setMinimumNumberShouldMatch(counted <= 2 ? counted : counted <= 4 ? counted - 1 : (int) Math.ceil(counted * 0.6));
                text.add(terms.build(), Occur.MUST);
                clauses++;
            }
        }
        QueryBuilder phrases = new QueryBuilder(analyzer);
        for (String phrase : parsed.phrases()) {
            Query inTitle = phrases.createPhraseQuery(SearchFields.TITLE, phrase);
            Query inBody = phrases.createPhraseQuery(SearchFields.BODY, phrase);
            if (inTitle == null && inBody == null) {
                continue;
            }
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            if (inTitle != null) {
                either.add(new BoostQuery(inTitle, TITLE_BOOST), Occur.SHOULD);
            }
            if (inBody != null) {
                either.add(inBody, Occur.SHOULD);
            }
            text.add(either.build(), Occur.MUST);
            clauses++;
        }
        for (String word : parsed.excluded()) {
            for (String term : analyzed(word)) {
                text.add(new TermQuery(new Term(SearchFields.TITLE, term)), Occur.MUST_NOT);
                text.add(new TermQuery(new Term(SearchFields.BODY, term)), Occur.MUST_NOT);
            }
        }
        return clauses == 0 ? null : text.build();
    }

    /**
     * One query word: its analysed terms in title, body and tags, its tag synonyms, and, when the
     * index does not know the word at all (a typo, most likely), the known words one or two edits
     * away. Typo variants of known words would cost much (an automaton per term) and mostly add noise.
     */
    private Query wordQuery(String word, Map<String, Set<String>> synonyms, String communityId,
                            IndexSearcher searcher) throws IOException {
        List<String> terms = analyzed(word);
        String asTag = word.toLowerCase(Locale.ROOT);
        List<Query> alternatives = new ArrayList<>();
        for (String term : terms) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.TITLE, term)), TITLE_BOOST));
            alternatives.add(new TermQuery(new Term(SearchFields.BODY, term)));
            alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.TAG_TEXT, term)), TAG_BOOST));
            if (term.length() >= 4 && term.chars().allMatch(Character::isLetter)
                    && searcher.getIndexReader().docFreq(new Term(SearchFields.TITLE, term)) == 0
                    && searcher.getIndexReader().docFreq(new Term(SearchFields.BODY, term)) == 0) {
                int edits = term.length() >= 8 ? 2 : 1;
                alternatives.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.TITLE, term), edits, 1), TITLE_BOOST * 0.4f));
                alternatives.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.BODY, term), edits, 1), 0.4f));
            }
        }
        // A word that names a tag, or a synonym of one, matches every name of that tag.
        if (synonyms.containsKey(asTag) || synonyms.values().stream().anyMatch(m -> m.contains(asTag))) {
            for (String name : index.tagFamily(asTag, communityId)) {
                alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.TAG, name)), TAG_BOOST));
                for (String term : analyzed(name)) {
                    alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.TITLE, term)), TITLE_BOOST * 0.8f));
                    alternatives.add(new BoostQuery(new TermQuery(new Term(SearchFields.BODY, term)), 0.8f));
                }
            }
        }
        return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private void addFilters(BooleanQuery.Builder query, SearchSyntax.Parsed parsed, SearchFilters f,
                            Set<String> unreadableCommunities) {
        Set<PostType> types = EnumSet.noneOf(PostType.class);
        types.addAll(parsed.types());
        if (f.types() != null) {
            types.addAll(f.types());
        }
        Boolean answered = parsed.answered() != null ? parsed.answered() : f.answered();
        if (answered != null) {
            // answered or not is a property of questions
            types = EnumSet.of(PostType.QUESTION);
            query.add(new TermQuery(new Term(SearchFields.ANSWERED, answered.toString())), Occur.FILTER);
        }
        if (types.isEmpty()) {
            types = EnumSet.allOf(PostType.class);
        }
        query.add(new TermInSetQuery(SearchFields.KIND, types.stream().map(t -> new BytesRef(t.name())).toList()), Occur.FILTER);
        query.add(new TermQuery(new Term(SearchFields.HIDDEN, "true")), Occur.MUST_NOT);
        if (unreadableCommunities != null && !unreadableCommunities.isEmpty()) {
            query.add(new TermInSetQuery(SearchFields.COMMUNITY,
                    unreadableCommunities.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        if (f.communityId() != null) {
            query.add(new TermQuery(new Term(SearchFields.COMMUNITY, f.communityId())), Occur.FILTER);
        }
        Set<String> tags = new LinkedHashSet<>(parsed.tags());
        if (f.tags() != null) {
            f.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).forEach(tags::add);
        }
        for (String tag : tags) {
            query.add(new TermInSetQuery(SearchFields.TAG, index.tagFamily(tag, f.communityId()).stream()
                    .map(BytesRef::new).toList()), Occur.FILTER);
        }
        String author = parsed.authorId() != null ? parsed.authorId() : f.authorId();
        if (author != null) {
            query.add(new TermQuery(new Term(SearchFields.AUTHOR, author)), Occur.FILTER);
        }
        if (f.from() != null || f.to() != null) {
            long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1;
            if (from > to) {
                throw QueryRejectedException.invalid("INVALID_DATE_RANGE", "The date range ends before it starts.");
            }
            query.add(LongPoint.newRangeQuery(SearchFields.CREATED, from, to), Occur.FILTER);
        }
        Integer min = max(parsed.minScore(), f.minScore());
        Integer max = min(parsed.maxScore(), f.maxScore());
        if (min != null || max != null) {
            int lower = min == null ? Integer.MIN_VALUE : min;
            int upper = max == null ? Integer.MAX_VALUE : max;
            if (lower > upper) {
                throw QueryRejectedException.invalid("INVALID_SCORE_RANGE", "The score range is empty: its minimum exceeds its maximum.");
            }
            query.add(IntPoint.newRangeQuery(SearchFields.VOTES, lower, upper), Occur.FILTER);
        }
    }

    private List<SearchHitView> views(IndexSearcher searcher, ScoreDoc[] docs, Query text, SearchSort sort) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        Map<String, String[]> highlights = Map.of();
        if (text != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, SearchAnalyzers.perField())
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                    .withMaxLength(20_000)
                    .build();
            highlights = highlighter.highlightFields(new String[] {SearchFields.TITLE, SearchFields.BODY}, text, ids,
                    new int[] {1, 2});
        }
        List<SearchHitView> views = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            PostEntry post = IndexDocuments.readPost(searcher.storedFields().document(ids[i]));
            List<SearchHitView.Highlight> marks = new ArrayList<>();
            for (String field : List.of(SearchFields.TITLE, SearchFields.BODY)) {
                String[] values = highlights.get(field);
                if (values != null && values[i] != null && !values[i].isBlank()) {
                    marks.add(new SearchHitView.Highlight(field, List.of(values[i].split(" … "))));
                }
            }
            float relevance = sort == SearchSort.RELEVANCE && !Float.isNaN(docs[i].score) ? docs[i].score : 0f;
            views.add(new SearchHitView(post.id(), post.type(), post.thread(), post.parentId(), post.communityId(),
                    post.authorId(), post.threadTitle(), post.score(), post.createdAt(), relevance, marks));
        }
        return views;
    }

    private static Sort lucene(SearchSort sort) {
        return switch (sort == null ? SearchSort.RELEVANCE : sort) {
            case RELEVANCE -> Sort.RELEVANCE;
            case NEWEST -> new Sort(new SortField(SearchFields.CREATED, SortField.Type.LONG, true));
            case VOTES -> new Sort(new SortField(SearchFields.VOTES, SortField.Type.INT, true),
                    new SortField(SearchFields.CREATED, SortField.Type.LONG, true));
        };
    }

    /** The words of free text as the user typed them (each is analysed on its own). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher m = SearchAnalyzers.TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    List<String> analyzed(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(SearchFields.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    static String encodeOffset(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeOffset(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!raw.startsWith("o:")) {
                throw new IllegalArgumentException(raw);
            }
            int offset = Integer.parseInt(raw.substring(2));
            if (offset < 0 || offset > MAX_DEPTH) {
                throw new IllegalArgumentException(raw);
            }
            return offset;
        } catch (RuntimeException e) {
            throw QueryRejectedException.invalid("INVALID_CURSOR", "The cursor is not one this API gave out.");
        }
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Integer.valueOf(Math.max(a, b));
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Integer.valueOf(Math.min(a, b));
    }

    static Set<String> ids(List<SearchHitView> hits) {
        return hits.stream().map(SearchHitView::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
