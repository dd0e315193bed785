package dev.praxis.query.search;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import java.util.Map;

/**
 * How text becomes terms. English prose is stemmed and its stop words dropped, as a reader expects
 * ("configuring" finds "configure"); but the tokens of programmers stay whole: {@code c++},
 * {@code c#}, {@code node.js}, {@code std::vector}, {@code .net}, {@code utf-8}, {@code x86_64}. A
 * standard tokenizer would cut those into meaningless pieces ("c", "node", "js"), so the tokenizer
 * here is a pattern that keeps joined words and trailing {@code ++}/{@code #} together, and a token
 * with anything but letters in it is marked as a keyword, which the stemmer leaves alone.
 */
final class SearchAnalyzers {

    /**
     * A word, optionally starting with a dot ({@code .net}), whose parts are joined by {@code .},
     * {@code ::}, {@code -} or {@code /} without spaces, optionally ending with {@code ++}, {@code #}
     * or {@code +}. A sentence's final dot is not part of a token because a part must follow it.
     */
    static final Pattern TOKEN = Pattern.compile(
            "\\.?[\\p{L}\\p{N}_]+(?:(?:\\.|::|-|/|')[\\p{L}\\p{N}_]+)*(?:\\+\\+|#|\\+)?");

    /** A token that is not a plain word: code, a version, a name with punctuation. */
    private static final Pattern CODE_LIKE = Pattern.compile(".*[^\\p{L}].*");

    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private SearchAnalyzers() {
    }

    /** The analyzer of post text (titles, bodies, tags as words) for queries: code tokens stay whole. */
    static Analyzer english() {
        return english(false);
    }

    /** The analyzer of post text for indexing: code tokens stay whole, and their parts are added beside them. */
    static Analyzer englishForIndexing() {
        return english(true);
    }

    private static Analyzer english(boolean withCodeParts) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                PatternTokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new ASCIIFoldingFilter(stream);
                stream = new EnglishPossessiveFilter(stream);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new PatternKeywordMarkerFilter(stream, CODE_LIKE);
                if (withCodeParts) {
                    stream = new CodePartsFilter(stream);
                }
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Names of people: lower-cased and folded, not stemmed, no stop words ("Anna Van Der Berg"). */
    static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                PatternTokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The analyzer of the whole index: English for text fields, names for names, keyword for the rest. */
    static Analyzer perField() {
        Analyzer english = englishForIndexing();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                SearchFields.TITLE, english,
                SearchFields.BODY, english,
                SearchFields.TAG_TEXT, english,
                SearchFields.NAME, names()));
    }
}
