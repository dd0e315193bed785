package dev.praxis.api.query;

/** A tag named by its community and name. */
public record TagRefView(String communityId, String name) {
}
