package dev.praxis.command.bounty;

import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What bounties change in the command side's tables, in the transaction of their events: the due
 * date of each open bounty, which the scheduler reads. (The reputation they move is the reputation
 * engine's, applied by {@code ReputationEffects}.)
 */
@Component
class BountyEffects {

    private final JdbcTemplate jdbc;

    BountyEffects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BountyOffered event) {
        jdbc.update("INSERT INTO bounty_expiry (question_id, round, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.questionId(), event.round(), Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(BountyAwarded event) {
        closed(event.questionId(), event.round());
    }

    @EventHandler
    void on(BountyExpired event) {
        closed(event.questionId(), event.round());
    }

    private void closed(String questionId, int round) {
        jdbc.update("DELETE FROM bounty_expiry WHERE question_id = ? AND round = ?", questionId, round);
    }
}
