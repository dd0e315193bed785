package dev.praxis.api.query;

/**
 * A member's reputation in a community as it stands ({@code current}) beside what it would be had the
 * community's whole history been scored under other rules ({@code proposed}); {@code difference} is
 * proposed minus current.
 */
public record ReputationComparisonView(String memberId, int current, int proposed, int difference) {
}
