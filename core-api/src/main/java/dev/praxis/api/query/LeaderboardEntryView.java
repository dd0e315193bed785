package dev.praxis.api.query;

/** A place on a leaderboard: the member, the reputation they earned in the period, and their rank (1 first). */
public record LeaderboardEntryView(int rank, String memberId, int points) {
}
