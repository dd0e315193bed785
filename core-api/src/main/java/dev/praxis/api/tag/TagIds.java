package dev.praxis.api.tag;

/**
 * A tag's aggregate id: its community and its (normalised) name, {@code communityId + "/" + name}.
 * Tag names cannot contain a slash, so the id is unambiguous.
 */
public final class TagIds {

    private TagIds() {
    }

    public static String of(String communityId, String name) {
        return communityId + "/" + name;
    }
}
