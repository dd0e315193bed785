package dev.praxis.api.reputation;

import java.time.Instant;

/**
 * What one cause granted one member: {@code amount} is what they really got after the daily cap
 * and the floor (what a reversal takes back), {@code votePoints} what it counted against the daily
 * vote cap of {@code grantedAt}'s UTC day, {@code editPoints} against the edit cap.
 */
public record ReputationGrant(String memberId, ReputationReason reason, int amount, int votePoints, int editPoints,
                              Instant grantedAt) {
}
