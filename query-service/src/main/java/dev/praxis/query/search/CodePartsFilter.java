package dev.praxis.query.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * At indexing time, a joined code token ({@code std::vector}, {@code node.js}, {@code utf-8}) is
 * kept whole and its parts are added at the same position, so that {@code vector} finds
 * {@code std::vector} while {@code std::vector} still finds only itself. The parts are plain words
 * (not keywords): the stemmer treats them as prose. Queries are not split, which keeps a search
 * for {@code node.js} precise.
 */
final class CodePartsFilter extends TokenFilter {

    private static final Pattern SEPARATORS = Pattern.compile("::|[./\\-']");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Deque<String> parts = new ArrayDeque<>();
    private int startOffset;
    private int endOffset;

    CodePartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            String part = parts.poll();
            clearAttributes();
            term.setEmpty().append(part);
            position.setPositionIncrement(0);
            offset.setOffset(startOffset, endOffset);
            keyword.setKeyword(false);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String token = term.toString();
        if (SEPARATORS.matcher(token).find()) {
            for (String part : SEPARATORS.split(token)) {
                if (part.length() >= 2 && !part.equals(token) && !part.chars().allMatch(Character::isDigit)) {
                    parts.add(part);
                }
            }
            startOffset = offset.startOffset();
            endOffset = offset.endOffset();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
    }
}
