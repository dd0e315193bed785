package dev.praxis.query.search;

import dev.praxis.api.query.Page;
import dev.praxis.query.shared.QueryRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * People search. By name: every word of the query must match a word of the member's name, whole,
 * as its beginning (as one types) or with a typo. By expertise: the members whose answers, in the
 * communities the viewer may read, carry the tags (or words) asked for, weighted by how many such
 * answers they wrote and how the community rated them. (The knowledge graph of the query service
 * may later answer the expertise search instead; this one needs nothing but the index.)
 */
public class MemberSearcher {

    private static final int MAX_ANSWERS_CONSIDERED = 5000;

    private final SearchIndex index;
    private final Analyzer names = SearchAnalyzers.names();
    private final PostSearcher posts;

    public MemberSearcher(SearchIndex index, PostSearcher posts) {
        this.index = index;
        this.posts = posts;
    }

    public Page<MemberHitView> byName(String text, String communityId, int first, String after) {
        List<String> words = terms(text);
        if (words.isEmpty()) {
            throw QueryRejectedException.invalid("EMPTY_QUERY", "Give a name, or part of one, to look for.");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchFields.KIND, IndexDocuments.MEMBER_KIND)), Occur.FILTER);
        for (String word : words) {
            List<Query> forms = new ArrayList<>();
            forms.add(new BoostQuery(new TermQuery(new Term(SearchFields.NAME, word)), 3f));
            forms.add(new BoostQuery(new PrefixQuery(new Term(SearchFields.NAME, word)), 1.5f));
            if (word.length() >= 4) {
                forms.add(new FuzzyQuery(new Term(SearchFields.NAME, word), word.length() >= 8 ? 2 : 1, 1));
            }
            query.add(new DisjunctionMaxQuery(forms, 0f), Occur.MUST);
        }
        if (communityId != null) {
            query.add(new TermQuery(new Term(SearchFields.MEMBER_OF, communityId)), Occur.FILTER);
        }
        int offset = PostSearcher.decodeOffset(after);
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(query.build(), Math.min(offset + first, PostSearcher.MAX_DEPTH));
            List<MemberHitView> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                MemberEntry member = IndexDocuments.readMember(searcher.storedFields().document(docs[i].doc));
                hits.add(new MemberHitView(member.id(), member.name(), 0, List.of()));
            }
            long total = searcher.count(query.build());
            boolean hasNext = offset + hits.size() < Math.min(total, PostSearcher.MAX_DEPTH);
            return new Page<>(hits, hits.isEmpty() ? null : PostSearcher.encodeOffset(offset + hits.size()), hasNext, total);
        });
    }

    /** Members ranked by their answers on the subject: tags named in the query, or its words in the answers' threads. */
    public Page<MemberHitView> byExpertise(String subject, String communityId, int first, String after,
                                           Set<String> unreadableCommunities) {
        SearchSyntax.Parsed parsed = SearchSyntax.parse(subject);
        List<String> words = new ArrayList<>(parsed.tags());
        for (String word : parsed.text().split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        if (words.isEmpty()) {
            throw QueryRejectedException.invalid("EMPTY_QUERY", "Name a subject: tags or words.");
        }
        BooleanQuery.Builder subjectQuery = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new TermInSetQuery(SearchFields.TAG, index.tagFamily(word, communityId).stream()
                    .map(BytesRef::new).toList()), Occur.SHOULD);
            for (String term : posts.analyzed(word)) {
                either.add(new TermQuery(new Term(SearchFields.TAG_TEXT, term)), Occur.SHOULD);
            }
            subjectQuery.add(either.build(), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(subjectQuery.build(), Occur.MUST)
                .add(new TermQuery(new Term(SearchFields.KIND, PostType.ANSWER.name())), Occur.FILTER)
                .add(new TermQuery(new Term(SearchFields.HIDDEN, "true")), Occur.MUST_NOT);
        if (communityId != null) {
            query.add(new TermQuery(new Term(SearchFields.COMMUNITY, communityId)), Occur.FILTER);
        }
        if (unreadableCommunities != null && !unreadableCommunities.isEmpty()) {
            query.add(new TermInSetQuery(SearchFields.COMMUNITY,
                    unreadableCommunities.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        int offset = PostSearcher.decodeOffset(after);
        return index.withSearcher(searcher -> {
            ScoreDoc[] answers = searcher.search(query.build(), MAX_ANSWERS_CONSIDERED).scoreDocs;
            Map<String, Double> weight = new HashMap<>();
            Map<String, Map<String, Double>> tagWeights = new HashMap<>();
            for (ScoreDoc hit : answers) {
                PostEntry answer = IndexDocuments.readPost(searcher.storedFields().document(hit.doc));
                double w = 1 + Math.max(0, answer.score()) + (answer.accepted() ? 3 : 0);
                weight.merge(answer.authorId(), w, Double::sum);
                Map<String, Double> tags = tagWeights.computeIfAbsent(answer.authorId(), a -> new HashMap<>());
                answer.tags().forEach(tag -> tags.merge(tag, w, Double::sum));
            }
            List<Map.Entry<String, Double>> ranked = weight.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            List<MemberHitView> hits = new ArrayList<>();
            for (int i = offset; i < ranked.size() && hits.size() < first; i++) {
                String memberId = ranked.get(i).getKey();
                String name = index.member(memberId).map(MemberEntry::name).orElse(memberId);
                List<String> tags = tagWeights.get(memberId).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).limit(5).toList();
                hits.add(new MemberHitView(memberId, name, ranked.get(i).getValue(), tags));
            }
            boolean hasNext = offset + hits.size() < ranked.size();
            return new Page<>(hits, hits.isEmpty() ? null : PostSearcher.encodeOffset(offset + hits.size()), hasNext,
                    ranked.size());
        });
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream stream = names.tokenStream(SearchFields.NAME, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms.size() > 10 ? terms.subList(0, 10) : terms;
    }
}
