package dev.praxis.gateway.tag;

import java.util.Locale;

/**
 * A tag name as the command side normalises it (trimmed, lower case), so that the gateway names the
 * tag's aggregate and reads it back as the command side stores it. Validation stays on the command side.
 */
public final class TagName {

    private TagName() {
    }

    public static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
