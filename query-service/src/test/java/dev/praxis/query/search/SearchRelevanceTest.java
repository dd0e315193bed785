package dev.praxis.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relevance on a realistic corpus: the two Stack Exchange samples (CC BY-SA, see
 * {@code stackexchange/README.md}) fed as events through the projection into one index, each site
 * its own community. What a user would check: searching a question's own title finds that question
 * first; and for the dump's duplicate pairs (PostLinks LinkTypeId 3), the similar questions of the
 * duplicate's draft (its title and body, without the "possible duplicate" notice the moderators
 * added) show the question it duplicates among the first five.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTest {

    @TempDir
    static Path directory;
    IndexFixture fixture;
    StackExchangeSample conlang;
    StackExchangeSample bicycles;

    @BeforeAll
    void indexTheSamples() {
        conlang = StackExchangeSample.load("conlang-meta");
        bicycles = StackExchangeSample.load("bicycles-meta");
        fixture = new IndexFixture(directory);
        long start = System.nanoTime();
        fixture.feed(conlang.events).feed(bicycles.events);
        System.out.printf("Indexed %d + %d events in %d ms%n", conlang.events.size(), bicycles.events.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    StackExchangeSample sample(String site) {
        return site.equals("conlang-meta") ? conlang : bicycles;
    }

    @ParameterizedTest
    @ValueSource(strings = {"conlang-meta", "bicycles-meta"})
    void aQuestionsOwnTitleFindsItFirst(String site) {
        StackExchangeSample sample = sample(site);
        List<String> missed = new ArrayList<>();
        int first = 0;
        for (StackExchangeSample.Question question : sample.questions.values()) {
            List<String> hits = fixture.ids(asPlainText(question.title()));
            if (!hits.isEmpty() && hits.get(0).equals(question.id())) {
                first++;
            } else {
                missed.add(question.title() + " -> " + (hits.isEmpty() ? "nothing" : hits.get(0)));
            }
        }
        double share = (double) first / sample.questions.size();
        System.out.printf("%s: a question's own title finds it first for %d of %d questions (%.1f%%)%n",
                site, first, sample.questions.size(), share * 100);
        missed.stream().limit(10).forEach(m -> System.out.println("  missed: " + m));
        assertThat(share).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conlang-meta", "bicycles-meta"})
    void aDuplicateFindsItsTwinAmongTheFirstFiveSimilarQuestions(String site) {
        StackExchangeSample sample = sample(site);
        int found = 0;
        for (String[] pair : sample.duplicates) {
            StackExchangeSample.Question duplicate = sample.questions.get(pair[0]);
            List<String> similar = fixture.similar.similarTo(duplicate.title(), duplicate.draftBody(), site, 6, Set.of())
                    .stream().map(SearchHitView::id).filter(id -> !id.equals(duplicate.id())).limit(5).toList();
            if (similar.contains(pair[1])) {
                found++;
            } else {
                System.out.println("  twin not found: " + duplicate.title() + " -> " + sample.questions.get(pair[1]).title());
            }
        }
        double share = sample.duplicates.isEmpty() ? 1 : (double) found / sample.duplicates.size();
        System.out.printf("%s: the twin is among the top 5 similar questions for %d of %d duplicate pairs (%.1f%%)%n",
                site, found, sample.duplicates.size(), share * 100);
        assertThat(sample.duplicates).isNotEmpty();
        assertThat(share).isGreaterThan(0.5);
    }

    /** A title typed as a query: characters that are query syntax ([tag], "phrase", -word) are dropped. */
    static String asPlainText(String title) {
        return title.replaceAll("[\\[\\]\"]", " ").replaceAll("(^|\\s)-+", " ").replaceAll("(?i)\\b(is|user|score):", "$1 ");
    }
}
