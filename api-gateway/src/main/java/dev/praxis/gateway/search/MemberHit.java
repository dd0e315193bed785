package dev.praxis.gateway.search;

import java.util.List;

/** A member the query service's people search found (its {@code MemberHitView}). */
record MemberHit(String memberId, String name, double expertise, List<String> tags) {
}
