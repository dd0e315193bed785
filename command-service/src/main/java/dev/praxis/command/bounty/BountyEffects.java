package dev.praxis.command.bounty;

import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.command.privilege.JdbcPrivileges;
import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What bounties change in the command side's tables, in the transaction of their events: the
 * reputation they move, and the due date of each open bounty, which the scheduler reads.
 */
@Component
class BountyEffects {

    private final JdbcPrivileges privileges;
    private final JdbcTemplate jdbc;

    BountyEffects(JdbcPrivileges privileges, JdbcTemplate jdbc) {
        this.privileges = privileges;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BountyOffered event) {
        privileges.earn(event.communityId(), event.actorId(), -event.amount());
        jdbc.update("INSERT INTO bounty_expiry (question_id, round, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.questionId(), event.round(), Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(BountyAwarded event) {
        privileges.earn(event.communityId(), event.answerAuthorId(), event.amount());
        closed(event.questionId(), event.round());
    }

    @EventHandler
    void on(BountyExpired event) {
        if (event.winnerId() != null) {
            privileges.earn(event.communityId(), event.winnerId(), event.awardedAmount());
        }
        closed(event.questionId(), event.round());
    }

    private void closed(String questionId, int round) {
        jdbc.update("DELETE FROM bounty_expiry WHERE question_id = ? AND round = ?", questionId, round);
    }
}
