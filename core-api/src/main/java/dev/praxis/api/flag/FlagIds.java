package dev.praxis.api.flag;

/** The flags on one post live in one aggregate: its id is the post's with a prefix. */
public final class FlagIds {

    public static final String PREFIX = "flag-";

    private FlagIds() {
    }

    public static String forPost(String postId) {
        return PREFIX + postId;
    }
}
