package dev.praxis.api.query;

import java.util.List;

/** The body of a batch lookup: the ids to fetch (at most 500); unknown ids are left out of the answer. */
public record IdBatch(List<String> ids) {
}
