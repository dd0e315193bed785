package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/** A tag of a community: its description, the synonyms that map to it and how many questions carry it. */
public record TagView(String communityId, String name, String description, List<String> synonyms,
                      long questionCount, Instant createdAt) {
}
