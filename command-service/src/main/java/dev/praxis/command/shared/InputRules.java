package dev.praxis.command.shared;

import static dev.praxis.command.shared.CommandRejectedException.invalid;

import dev.praxis.api.shared.Limits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The input rules shared by the aggregates; each failure names the field and its bounds. */
public final class InputRules {

    private InputRules() {
    }

    public static void requireId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid("MISSING_" + constantCase(field), "The " + field + " is required.");
        }
        if (value.length() > 64) {
            throw invalid("INVALID_" + constantCase(field), "The " + field + " is too long to be an id.");
        }
    }

    /** Requires text whose length, after trimming, lies in {@code min..max}; answers it trimmed. */
    public static String requireText(String value, String field, int min, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw invalid(constantCase(field) + "_EMPTY", "The " + field + " must not be empty.");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min) {
            throw invalid(constantCase(field) + "_TOO_SHORT",
                    "The " + field + " must have at least " + min + " characters (it has " + length + ").");
        }
        if (length > max) {
            throw invalid(constantCase(field) + "_TOO_LONG",
                    "The " + field + " must have at most " + max + " characters (it has " + length + ").");
        }
        return trimmed;
    }

    /** Optional text: null or blank becomes null, otherwise it must fit {@code max}. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireText(value, field, 1, max);
    }

    /** Tags are lower-cased and de-duplicated in order; at most {@link Limits#TAGS_MAX}, each of the tag pattern. */
    public static List<String> normaliseTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!Limits.TAG.matcher(t).matches()) {
                throw invalid("INVALID_TAG", "The tag '" + (tag == null ? "" : tag.strip())
                        + "' is not valid: use 1 to 35 lower-case letters, digits or + # . -");
            }
            normalised.add(t);
        }
        if (normalised.size() > Limits.TAGS_MAX) {
            throw invalid("TOO_MANY_TAGS", "A question has at most " + Limits.TAGS_MAX + " tags.");
        }
        return new ArrayList<>(normalised);
    }

    private static String constantCase(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").replace(' ', '_').toUpperCase(Locale.ROOT);
    }
}
