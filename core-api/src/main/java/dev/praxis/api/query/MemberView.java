package dev.praxis.api.query;

import java.util.List;

/** A member and their reputation: {@code reputation} across all communities, and per community. */
public record MemberView(String id, String displayName, int reputation, List<MembershipView> memberships) {
}
