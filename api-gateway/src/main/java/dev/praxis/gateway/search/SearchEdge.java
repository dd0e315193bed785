package dev.praxis.gateway.search;

import java.util.List;

/** An edge of a search connection: the post (a view the other features' fields resolve), its snippets and rank. */
record SearchEdge(String cursor, Object node, List<SearchHit.Highlight> highlights, double relevance) {
}
