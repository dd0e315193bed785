package dev.praxis.query.search;

import dev.praxis.query.shared.QueryRejectedException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The existing questions most like a draft, shown while a member asks so that they find the answer
 * before asking again. Lucene's MoreLikeThis picks the draft's most telling terms (by tf-idf against
 * the index, so "bike" on a cycling site weighs little) from the title and from the body, and looks
 * for them in the titles and bodies of questions that are not deleted and the viewer may read. The
 * title's terms weigh more: a duplicate usually asks the same thing in other words of the same topic.
 */
public class SimilarQuestions {

    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 30_000;
    private static final String[] FIELDS = {SearchFields.TITLE, SearchFields.BODY};

    private final SearchIndex index;

    public SimilarQuestions(SearchIndex index) {
        this.index = index;
    }

    public List<SearchHitView> similarTo(String title, String body, String communityId, int first,
                                         Set<String> unreadableCommunities) {
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw QueryRejectedException.invalid("EMPTY_DRAFT", "Give the draft's title, its body or both.");
        }
        String t = title == null ? "" : title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
        String b = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        return index.withSearcher(searcher -> {
            Query like = likeQuery(searcher, t, b);
            if (like == null) {
                return List.of();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term(SearchFields.KIND, PostType.QUESTION.name())), Occur.FILTER)
                    .add(new TermQuery(new Term(SearchFields.HIDDEN, "true")), Occur.MUST_NOT);
            if (communityId != null) {
                query.add(new TermQuery(new Term(SearchFields.COMMUNITY, communityId)), Occur.FILTER);
            }
            if (unreadableCommunities != null && !unreadableCommunities.isEmpty()) {
                query.add(new TermInSetQuery(SearchFields.COMMUNITY,
                        unreadableCommunities.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
            }
            ScoreDoc[] hits = searcher.search(query.build(), first).scoreDocs;
            List<SearchHitView> views = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                PostEntry post = IndexDocuments.readPost(searcher.storedFields().document(hit.doc));
                views.add(new SearchHitView(post.id(), post.type(), post.thread(), null, post.communityId(),
                        post.authorId(), post.title(), post.score(), post.createdAt(), hit.score, List.of()));
            }
            return views;
        });
    }

    private static Query likeQuery(IndexSearcher searcher, String title, String body) throws IOException {
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        int clauses = 0;
        if (!title.isBlank()) {
            MoreLikeThis titleTerms = moreLikeThis(searcher, 12);
            Query q = titleTerms.like(SearchFields.TITLE, new StringReader(title));
            if (!isEmpty(q)) {
                like.add(new BoostQuery(q, 2f), Occur.SHOULD);
                clauses++;
            }
        }
        if (!body.isBlank()) {
            MoreLikeThis bodyTerms = moreLikeThis(searcher, 25);
            Query q = bodyTerms.like(SearchFields.BODY, new StringReader(body));
            if (!isEmpty(q)) {
                like.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : like.build();
    }

    private static MoreLikeThis moreLikeThis(IndexSearcher searcher, int maxTerms) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(SearchAnalyzers.englishForIndexing());
        mlt.setFieldNames(FIELDS);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(maxTerms);
        mlt.setBoost(true);
        return mlt;
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery b && b.clauses().isEmpty();
    }
}
