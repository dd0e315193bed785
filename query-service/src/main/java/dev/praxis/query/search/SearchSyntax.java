package dev.praxis.query.search;

import dev.praxis.query.shared.QueryRejectedException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The power user's query language, as on Stack Exchange: {@code [tag]} (every one named must be
 * there), {@code user:<member id>}, {@code is:question|answer|article|comment|answered|unanswered},
 * {@code score:>5} ({@code >=}, {@code <}, {@code <=}, {@code 3..10}, or {@code score:5} for at
 * least 5), {@code "quoted phrases"}, {@code -word} to exclude; everything else is free text.
 * A word that merely contains a colon ({@code std::vector}, {@code error:}, a URL) stays text.
 * Malformed operators are refused with a typed error rather than guessed at.
 */
final class SearchSyntax {

    static final int MAX_LENGTH = 500;

    private static final Pattern OPERATOR = Pattern.compile("([a-z]+):([^:/].*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("(>=|<=|>|<)?(-?\\d{1,9})(?:\\.\\.(-?\\d{1,9}))?");
    private static final Set<String> OPERATORS = Set.of("user", "is", "score");

    private SearchSyntax() {
    }

    /** A parsed query: the free text and everything the operators asked for. */
    record Parsed(String text, List<String> phrases, List<String> excluded, List<String> tags, String authorId,
                  Set<PostType> types, Boolean answered, Integer minScore, Integer maxScore) {
    }

    static Parsed parse(String query) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_LENGTH) {
            throw QueryRejectedException.invalid("QUERY_TOO_LONG", "A search query has at most " + MAX_LENGTH + " characters.");
        }
        StringBuilder text = new StringBuilder();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String author = null;
        Set<PostType> types = EnumSet.noneOf(PostType.class);
        Boolean answered = null;
        Integer min = null;
        Integer max = null;
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw syntax("UNCLOSED_QUOTE", "A quoted phrase is not closed: add the closing \".");
                }
                String phrase = q.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                i = end + 1;
                continue;
            }
            if (c == '[') {
                int end = q.indexOf(']', i + 1);
                if (end < 0) {
                    throw syntax("UNCLOSED_TAG", "A [tag] is not closed: add the closing ].");
                }
                String tag = q.substring(i + 1, end).strip().toLowerCase(Locale.ROOT);
                if (tag.isEmpty() || tag.chars().anyMatch(Character::isWhitespace)) {
                    throw syntax("INVALID_TAG", "Write a tag as [name], one tag per brackets, without spaces.");
                }
                tags.add(tag);
                i = end + 1;
                continue;
            }
            int end = i;
            while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                end++;
            }
            String word = q.substring(i, end);
            i = end;
            Matcher operator = OPERATOR.matcher(word);
            if (operator.matches() && OPERATORS.contains(operator.group(1).toLowerCase(Locale.ROOT))) {
                String name = operator.group(1).toLowerCase(Locale.ROOT);
                String value = operator.group(2) == null ? "" : operator.group(2);
                if (value.isEmpty()) {
                    throw syntax("MISSING_OPERATOR_VALUE", name + ": needs a value, as in " + example(name) + ".");
                }
                switch (name) {
                    case "user" -> author = value;
                    case "is" -> {
                        switch (value.toLowerCase(Locale.ROOT)) {
                            case "question" -> types.add(PostType.QUESTION);
                            case "answer" -> types.add(PostType.ANSWER);
                            case "article" -> types.add(PostType.ARTICLE);
                            case "comment" -> types.add(PostType.COMMENT);
                            case "answered" -> answered = true;
                            case "unanswered" -> answered = false;
                            default -> throw syntax("UNKNOWN_IS_VALUE", "is:" + value
                                    + " is not known; use is:question, is:answer, is:article, is:comment, is:answered or is:unanswered.");
                        }
                    }
                    default -> {
                        Matcher score = SCORE.matcher(value);
                        if (!score.matches() || (score.group(1) != null && score.group(3) != null)) {
                            throw syntax("INVALID_SCORE", "score:" + value + " is not a score filter; write score:>5, score:>=5, score:<0 or score:2..10.");
                        }
                        int n = Integer.parseInt(score.group(2));
                        String op = score.group(1) == null ? ">=" : score.group(1);
                        if (score.group(3) != null) {
                            min = n;
                            max = Integer.parseInt(score.group(3));
                        } else {
                            switch (op) {
                                case ">" -> min = n + 1;
                                case ">=" -> min = n;
                                case "<" -> max = n - 1;
                                default -> max = n;
                            }
                        }
                    }
                }
                continue;
            }
            if (word.startsWith("-") && word.length() > 1) {
                excluded.add(word.substring(1));
                continue;
            }
            text.append(word).append(' ');
        }
        return new Parsed(text.toString().strip(), phrases, excluded, tags, author, types, answered, min, max);
    }

    private static String example(String operator) {
        return switch (operator) {
            case "user" -> "user:alice";
            case "is" -> "is:question";
            default -> "score:>5";
        };
    }

    private static QueryRejectedException syntax(String code, String message) {
        return QueryRejectedException.invalid(code, message);
    }
}
