package dev.praxis.query.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The factor that lifts a text match by what the community said about the post: its vote score
 * (logarithmic, so a famous post does not drown a better match), an acceptance (an accepted answer,
 * or a question that has one), and recency (a post of today weighs a fifth more than a years-old
 * one, halving each year). Text match stays the main signal: the factor lies between about 0.5 and 2.
 */
final class RelevanceBoost extends DoubleValuesSource {

    private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;
    private final long now;

    RelevanceBoost(long nowMillis) {
        this.now = nowMillis;
    }

    static double factor(long votes, boolean accepted, long createdMillis, long nowMillis) {
        double vote = votes >= 0 ? 1 + 0.12 * Math.log1p(votes) : 1 / (1 + 0.1 * Math.min(-votes, 10));
        double acceptance = accepted ? 1.25 : 1;
        double ageYears = Math.max(0, (nowMillis - createdMillis) / YEAR_MILLIS);
        double recency = 1 + 0.2 * Math.pow(0.5, ageYears);
        return vote * acceptance * recency;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues votes = DocValues.getNumeric(ctx.reader(), SearchFields.VOTES);
        NumericDocValues accepted = DocValues.getNumeric(ctx.reader(), SearchFields.ACCEPTED);
        NumericDocValues created = DocValues.getNumeric(ctx.reader(), SearchFields.CREATED);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                long v = votes.advanceExact(doc) ? votes.longValue() : 0;
                boolean a = accepted.advanceExact(doc) && accepted.longValue() == 1;
                long c = created.advanceExact(doc) ? created.longValue() : now;
                value = factor(v, a, c, now);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Objects.hash(RelevanceBoost.class, now);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RelevanceBoost other && other.now == now;
    }

    @Override
    public String toString() {
        return "relevanceBoost";
    }
}
