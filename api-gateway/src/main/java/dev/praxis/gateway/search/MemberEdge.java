package dev.praxis.gateway.search;

import dev.praxis.api.query.MemberView;
import java.util.List;

/** An edge of a member search: the member and, for a search by expertise, how much and on which tags. */
record MemberEdge(String cursor, MemberView node, double expertise, List<String> tags) {
}
