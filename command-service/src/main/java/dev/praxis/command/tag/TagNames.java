package dev.praxis.command.tag;

import static dev.praxis.command.shared.CommandRejectedException.invalid;

import dev.praxis.api.shared.Limits;
import java.util.Locale;

/** Normalises one name the way {@code InputRules.normaliseTags} does tags: trimmed, lower case, of {@link Limits#TAG}. */
public final class TagNames {

    private TagNames() {
    }

    /** The normalised tag name, or INVALID_INPUT {@code INVALID_TAG}. */
    public static String tag(String raw) {
        return normalise(raw, "INVALID_TAG", "tag");
    }

    /** A skill name, normalised like a tag, or INVALID_INPUT {@code INVALID_SKILL}. */
    public static String skill(String raw) {
        return normalise(raw, "INVALID_SKILL", "skill");
    }

    private static String normalise(String raw, String code, String what) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!Limits.TAG.matcher(name).matches()) {
            throw invalid(code, "The " + what + " '" + (raw == null ? "" : raw.strip())
                    + "' is not valid: use 1 to 35 lower-case letters, digits or + # . -");
        }
        return name;
    }
}
