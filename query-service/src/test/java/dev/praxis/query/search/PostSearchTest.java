package dev.praxis.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.query.Page;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.query.shared.QueryRejectedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search over a small hand-made community, fed through the projection: what a member would try. */
class PostSearchTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final String DEV = "dev";
    static final String SECRET = "secret";

    @TempDir
    Path directory;
    IndexFixture fixture;

    @BeforeEach
    void index() {
        fixture = new IndexFixture(directory, Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        fixture.feed(
                asked("q-vector", DEV, "How do I iterate over a std::vector in C++?", "I have a std::vector<int> v.", List.of("c++"), "ann", 0),
                asked("q-node", DEV, "Reading a file line by line in Node.js", "With node.js streams, what is idiomatic?", List.of("node.js", "javascript"), "ben", 1),
                asked("q-csharp", DEV, "Async streams in C#", "How do IAsyncEnumerable and await foreach work?", List.of("c#"), "ann", 2),
                asked("q-config", DEV, "Configuring the tracking processor", "Which batch size should the configuration use?", List.of("axon"), "cat", 3),
                asked("q-secret", SECRET, "Configuring the secret processor", "Only members may read this.", List.of("axon"), "cat", 4),
                new AnswerPosted("q-vector", "a-loop", DEV, "Use a range-based for loop over the vector.", "ben", T0.plusSeconds(3600)),
                new AnswerPosted("q-vector", "a-index", DEV, "Index it with v[i] in a plain loop.", "cat", T0.plusSeconds(7200)),
                new CommentAdded("q-node", "c-1", "q-node", PostKind.QUESTION, DEV, "ben", "Have you tried readline?", List.of(), "cat", T0.plusSeconds(9000)),
                new ArticlePublished("art-1", DEV, "A guide to processor tuning", "Segments, batch sizes and fetch delays.", List.of("axon"), "ann", T0.plusSeconds(10000)),
                new MemberJoinedCommunity(DEV, "ann", "Ann Archer", CommunityRole.OWNER, "ann", T0),
                new MemberJoinedCommunity(DEV, "ben", "Ben Baker", CommunityRole.MEMBER, "ben", T0),
                new MemberJoinedCommunity(DEV, "cat", "Catherine Cole", CommunityRole.MEMBER, "cat", T0));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static QuestionAsked asked(String id, String community, String title, String body, List<String> tags, String author, int day) {
        return new QuestionAsked(id, community, title, body, tags, author, T0.plusSeconds(86400L * day));
    }

    List<String> ids(String query) {
        return fixture.ids(query);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "std::vector | q-vector",
            "c++ | q-vector",
            "c# | q-csharp",
            "node.js | q-node",
            "configure | q-config",
            "iterating vectors | q-vector",
            "procesor configration | q-config"})
    void wordsCodeTokensStemsAndTyposFindTheRightQuestionFirst(String query, String expected) {
        assertThat(ids(query)).first().isEqualTo(expected);
    }

    @Test
    void codeTokensAreNotCutIntoPieces() {
        assertThat(ids("c#")).doesNotContain("q-vector");
        assertThat(ids("c++")).doesNotContain("q-csharp");
    }

    @Test
    void aTitleMatchOutranksABodyMatch() {
        fixture.feed(asked("q-body", DEV, "Something else entirely here", "Configuring the tracking processor is hard.", List.of(), "ann", 5));
        assertThat(ids("configuring tracking processor")).startsWith("q-config");
    }

    @Test
    void operatorsFilter() {
        assertThat(ids("[axon]")).containsExactlyInAnyOrder("q-config", "q-secret", "art-1");
        assertThat(ids("[axon] is:article")).containsExactly("art-1");
        assertThat(ids("loop is:answer")).containsExactlyInAnyOrder("a-loop", "a-index");
        assertThat(ids("loop user:cat")).containsExactly("a-index");
        assertThat(ids("readline is:comment")).containsExactly("c-1");
        assertThat(ids("\"plain loop\"")).containsExactly("a-index");
        assertThat(ids("loop -range")).containsExactly("a-index");
        fixture.feed(new VoteCast("q-vector", "q-vector", PostKind.QUESTION, DEV, "ann", VoteDirection.UP, "ben", T0),
                new VoteCast("q-vector", "q-vector", PostKind.QUESTION, DEV, "ann", VoteDirection.UP, "cat", T0));
        assertThat(ids("is:question score:>1")).containsExactly("q-vector");
        assertThat(ids("is:question score:2..5")).containsExactly("q-vector");
        assertThat(ids("is:question score:<1")).doesNotContain("q-vector").contains("q-node");
    }

    @Test
    void answeredMeansAnAcceptedOrAPositiveAnswer() {
        assertThat(ids("is:answered")).isEmpty();
        fixture.feed(new VoteCast("q-vector", "a-loop", PostKind.ANSWER, DEV, "ben", VoteDirection.UP, "ann", T0));
        assertThat(ids("is:answered")).containsExactly("q-vector");
        fixture.feed(new VoteRetracted("q-vector", "a-loop", PostKind.ANSWER, DEV, "ben", VoteDirection.UP, "ann", T0));
        assertThat(ids("is:answered")).isEmpty();
        assertThat(ids("is:unanswered")).contains("q-vector");
        fixture.feed(new AnswerAccepted("q-vector", "a-index", DEV, "cat", "ann", T0));
        assertThat(ids("is:answered")).containsExactly("q-vector");
    }

    @Test
    void filtersBesideTheQuery() {
        SearchFilters inDev = new SearchFilters(DEV, List.of("axon"), null, null, null, null, null, null, Set.of());
        assertThat(fixture.ids("", inDev, SearchSort.NEWEST, Set.of())).containsExactly("q-config", "art-1");
        SearchFilters byDate = new SearchFilters(null, List.of(), "ann", T0.plusSeconds(86400), T0.plusSeconds(86400 * 3), null,
                null, null, Set.of());
        assertThat(fixture.ids("", byDate, SearchSort.NEWEST, Set.of())).containsExactly("q-csharp");
        SearchFilters questions = new SearchFilters(null, List.of(), null, null, null, null, null, null, Set.of(PostType.QUESTION));
        assertThat(fixture.ids("", questions, SearchSort.NEWEST, Set.of()))
                .containsExactly("q-secret", "q-config", "q-csharp", "q-node", "q-vector");
    }

    @Test
    void sortsByVotesAndRelevanceLiftsTheBetterRated() {
        fixture.feed(new VoteCast("q-vector", "a-index", PostKind.ANSWER, DEV, "cat", VoteDirection.UP, "ann", T0),
                new VoteCast("q-vector", "a-index", PostKind.ANSWER, DEV, "cat", VoteDirection.UP, "ben", T0));
        SearchFilters answers = new SearchFilters(null, List.of(), null, null, null, null, null, null, Set.of(PostType.ANSWER));
        assertThat(fixture.ids("", answers, SearchSort.VOTES, Set.of())).containsExactly("a-index", "a-loop");
        assertThat(fixture.ids("", answers, SearchSort.NEWEST, Set.of())).containsExactly("a-index", "a-loop");
        // "loop" matches both answers about equally; the one with votes and an acceptance ranks first
        fixture.feed(new AnswerAccepted("q-vector", "a-index", DEV, "cat", "ann", T0));
        assertThat(ids("loop")).startsWith("a-index");
    }

    @Test
    void snippetsHighlightTheMatchingWordsEscaped() {
        SearchHitView hit = fixture.posts.search("std::vector", SearchFilters.none(), SearchSort.RELEVANCE, 5, null, Set.of())
                .items().get(0);
        assertThat(hit.highlights()).extracting(SearchHitView.Highlight::field).contains("title", "body");
        assertThat(hit.highlights().get(0).snippets().get(0)).contains("<em>std::vector</em>");
        assertThat(hit.highlights().get(1).snippets().get(0)).contains("&lt;int&gt;");
    }

    @Test
    void tagSynonymsFromTheDomainApply() {
        fixture.feed(new TagSynonymAdded("dev/javascript", DEV, "javascript", "js", "ann", T0));
        // the comment on the question carries the question's tags
        assertThat(ids("[js]")).containsExactlyInAnyOrder("q-node", "c-1");
        assertThat(ids("js is:question")).containsExactly("q-node");
        fixture.feed(new TagSynonymRemoved("dev/javascript", DEV, "javascript", "js", "ann", T0));
        assertThat(ids("[js]")).isEmpty();
    }

    @Test
    void synonymsSurviveARestartFromTheCommit() throws Exception {
        fixture.feed(new TagSynonymAdded("dev/javascript", DEV, "javascript", "js", "ann", T0));
        fixture.index.commit();
        fixture.close();
        fixture = new IndexFixture(directory);
        assertThat(ids("[js] is:question")).containsExactly("q-node");
    }

    @Test
    void privateCommunitiesStayOutOfResults() {
        assertThat(fixture.ids("configuring processor", SearchFilters.none(), SearchSort.RELEVANCE, Set.of(SECRET)))
                .containsExactly("q-config");
        assertThat(ids("configuring processor")).contains("q-secret");
        assertThat(fixture.similar.similarTo("Configuring the secret processor", "", null, 5, Set.of(SECRET)))
                .extracting(SearchHitView::id).doesNotContain("q-secret");
    }

    @Test
    void editsAndDeletionsShowAtOnce() {
        fixture.feed(new QuestionEdited("q-config", DEV, "cat", 2, "Tuning the tracking processor", "Which fetch delay?",
                List.of("axon", "tuning"), List.of("title"), "clearer", null, List.of(), "cat", T0));
        assertThat(ids("tuning [tuning]")).containsExactly("q-config");
        assertThat(ids("configuring is:question")).doesNotContain("q-config");
        fixture.feed(new PostDeleted("q-vector", "q-vector", PostKind.QUESTION, DEV, "ann", "dup", "ann", T0));
        assertThat(ids("vector")).isEmpty(); // the question and its answers
        fixture.feed(new PostUndeleted("q-vector", "q-vector", PostKind.QUESTION, DEV, "ann", null, "ann", T0));
        assertThat(ids("vector")).contains("q-vector", "a-loop");
        fixture.feed(new PostDeleted("q-vector", "a-loop", PostKind.ANSWER, DEV, "ben", null, "ann", T0),
                new ArticleDeleted("art-1", DEV, "ann", null, "ann", T0));
        assertThat(ids("range-based")).isEmpty();
        assertThat(ids("guide tuning")).isEmpty();
    }

    @Test
    void similarQuestionsOfADraft() {
        List<String> similar = fixture.similar.similarTo("Looping over the elements of a vector", "In C++, with std::vector.",
                DEV, 3, Set.of()).stream().map(SearchHitView::id).toList();
        assertThat(similar).first().isEqualTo("q-vector");
        assertThatThrownBy(() -> fixture.similar.similarTo(" ", null, null, 3, Set.of()))
                .isInstanceOf(QueryRejectedException.class).hasFieldOrPropertyWithValue("code", "EMPTY_DRAFT");
    }

    @Test
    void membersByNameAndByExpertise() {
        assertThat(fixture.members.byName("cath", null, 10, null).items()).extracting(MemberHitView::memberId).containsExactly("cat");
        assertThat(fixture.members.byName("baker", DEV, 10, null).items()).extracting(MemberHitView::memberId).containsExactly("ben");
        assertThat(fixture.members.byName("Catherin Cole", null, 10, null).items()).extracting(MemberHitView::memberId).containsExactly("cat");
        fixture.feed(new ProfileUpdated("ben", "Benjamin B.", null, List.of(), "ben", T0),
                new MemberLeftCommunity(DEV, "ben", "ben", T0));
        assertThat(fixture.members.byName("benjamin", null, 10, null).items()).extracting(MemberHitView::name).containsExactly("Benjamin B.");
        assertThat(fixture.members.byName("benjamin", DEV, 10, null).items()).isEmpty();

        fixture.feed(new VoteCast("q-vector", "a-index", PostKind.ANSWER, DEV, "cat", VoteDirection.UP, "ann", T0));
        Page<MemberHitView> experts = fixture.members.byExpertise("[c++]", null, 10, null, Set.of());
        assertThat(experts.items()).extracting(MemberHitView::memberId).containsExactly("cat", "ben");
        assertThat(experts.items().get(0).tags()).containsExactly("c++");
        assertThat(experts.items().get(0).expertise()).isEqualTo(2.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"unclosed | UNCLOSED_QUOTE",
            "[c++ | UNCLOSED_TAG",
            "[] | INVALID_TAG",
            "is:banana | UNKNOWN_IS_VALUE",
            "score:>x | INVALID_SCORE",
            "score:>=1..3 | INVALID_SCORE",
            "user: | MISSING_OPERATOR_VALUE",
            "score:5..1 | INVALID_SCORE_RANGE"})
    void badSyntaxIsATypedError(String query, String code) {
        assertThatThrownBy(() -> ids(query)).isInstanceOf(QueryRejectedException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }

    @Test
    void emptyQueriesAndForeignCursorsAreRefused() {
        assertThatThrownBy(() -> ids("  ")).hasFieldOrPropertyWithValue("code", "EMPTY_QUERY");
        assertThatThrownBy(() -> fixture.posts.search("vector", null, SearchSort.RELEVANCE, 5, "bm90IG91cnM", Set.of()))
                .hasFieldOrPropertyWithValue("code", "INVALID_CURSOR");
        assertThatThrownBy(() -> ids("x".repeat(501))).hasFieldOrPropertyWithValue("code", "QUERY_TOO_LONG");
    }

    @Test
    void pagesFollowOneAnother() {
        Page<SearchHitView> first = fixture.posts.search("[axon]", null, SearchSort.NEWEST, 2, null, Set.of());
        assertThat(first.items()).extracting(SearchHitView::id).containsExactly("q-secret", "q-config");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.totalCount()).isEqualTo(3);
        Page<SearchHitView> second = fixture.posts.search("[axon]", null, SearchSort.NEWEST, 2, first.endCursor(), Set.of());
        assertThat(second.items()).extracting(SearchHitView::id).containsExactly("art-1");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void textWithOperatorLookalikesStaysText() {
        assertThat(SearchSyntax.parse("error: std::vector http://x.org/a").text()).isEqualTo("error: std::vector http://x.org/a");
    }
}
