package dev.praxis.api.shared;

import java.util.regex.Pattern;

/** Input limits that the command side enforces and the API documents. */
public final class Limits {

    public static final int COMMUNITY_NAME_MIN = 3;
    public static final int COMMUNITY_NAME_MAX = 80;
    public static final int COMMUNITY_DESCRIPTION_MAX = 2_000;
    public static final int TITLE_MIN = 10;
    public static final int TITLE_MAX = 150;
    public static final int BODY_MIN = 1;
    public static final int BODY_MAX = 30_000;
    public static final int TAGS_MAX = 5;
    public static final int DISPLAY_NAME_MAX = 80;
    /** Tags in the Stack Overflow style: lower case, digits and {@code + # . -}, such as {@code c#} or {@code node.js}. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9+#][a-z0-9+#.\\-]{0,34}");

    private Limits() {
    }
}
