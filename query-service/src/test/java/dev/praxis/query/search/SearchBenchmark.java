package dev.praxis.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search benchmark (not part of the default test run; see the README): searches per second and
 * latency percentiles of full searches (parse, rank with boosts, page, highlight, read the hits) on
 * the larger Stack Exchange sample, and, measured in the same run on the same index, a plain
 * {@link TermQuery} lookup by key as the baseline: the cheapest thing the index can do.
 *
 * <p>Run: {@code ./mvnw -B -pl query-service -am -Pbench test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "praxis.bench", matches = "true")
class SearchBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;

    @TempDir
    Path directory;

    @Test
    void searchesPerSecondAndP99OnTheLargerSample() {
        StackExchangeSample sample = StackExchangeSample.load("bicycles-meta");
        try (IndexFixture fixture = new IndexFixture(directory)) {
            fixture.feed(sample.events);
            List<String> queries = queries(sample);
            List<String> keys = new ArrayList<>(sample.questions.keySet());

            Runnable[] search = {null};
            int[] next = {0};
            search[0] = () -> fixture.posts.search(queries.get(next[0]++ % queries.size()), SearchFilters.none(),
                    SearchSort.RELEVANCE, 20, null, Set.of("a-private-community"));
            Result full = measure(search[0]);
            int[] k = {0};
            Result baseline = measure(() -> fixture.index.withSearcher(s -> s.search(
                    new TermQuery(new Term(SearchFields.KEY, keys.get(k[0]++ % keys.size()))), 1)));

            System.out.printf("BENCH search (bicycles-meta, %d docs, %d queries): %.0f searches/s, p50 %.2f ms, p99 %.2f ms%n",
                    fixture.index.documentCount(), MEASURED, full.perSecond, full.p50, full.p99);
            System.out.printf("BENCH baseline TermQuery lookup by key: %.0f lookups/s, p50 %.3f ms, p99 %.3f ms%n",
                    baseline.perSecond, baseline.p50, baseline.p99);
            System.out.printf("BENCH ratio: a full search costs %.1fx a key lookup (throughput), p99 %.1fx%n",
                    baseline.perSecond / full.perSecond, full.p99 / baseline.p99);
            assertThat(full.perSecond).isPositive();
        }
    }

    /** Two to four words of each question's title, and some with operators, in a fixed random order. */
    private static List<String> queries(StackExchangeSample sample) {
        Random random = new Random(42);
        List<String> queries = new ArrayList<>();
        for (StackExchangeSample.Question question : sample.questions.values()) {
            List<String> words = new ArrayList<>(Arrays.asList(
                    SearchRelevanceTest.asPlainText(question.title()).toLowerCase().split("\\W+")));
            words.removeIf(w -> w.length() < 3);
            if (words.isEmpty()) {
                continue;
            }
            java.util.Collections.shuffle(words, random);
            String query = String.join(" ", words.subList(0, Math.min(words.size(), 2 + random.nextInt(3))));
            if (random.nextInt(5) == 0 && !question.tags().isEmpty()) {
                query += " [" + question.tags().get(0) + "]";
            }
            if (random.nextInt(10) == 0) {
                query += " is:question score:>0";
            }
            queries.add(query);
        }
        java.util.Collections.shuffle(queries, random);
        return queries;
    }

    record Result(double perSecond, double p50, double p99) {
    }

    private static Result measure(Runnable operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.run();
        }
        long[] nanos = new long[MEASURED];
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            operation.run();
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Result(MEASURED / seconds, nanos[MEASURED / 2] / 1e6, nanos[(int) (MEASURED * 0.99) - 1] / 1e6);
    }
}
