package dev.praxis.command.question;

import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.reputation.DefaultReputationRules;
import dev.praxis.command.privilege.JdbcPrivileges;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The command-side reputation effects of changed and retracted votes: the old vote's effect is
 * reversed, the new one's applied. (Deleting a post leaves the reputation its votes earned.)
 */
@Component
public class ContentReputation {

    private final JdbcPrivileges privileges;

    public ContentReputation(JdbcPrivileges privileges) {
        this.privileges = privileges;
    }

    @EventHandler
    void on(VoteChanged event) {
        privileges.earn(event.communityId(), event.postAuthorId(),
                DefaultReputationRules.forVoteReceived(event.direction())
                        - DefaultReputationRules.forVoteReceived(event.previousDirection()));
    }

    @EventHandler
    void on(VoteRetracted event) {
        privileges.earn(event.communityId(), event.postAuthorId(), -DefaultReputationRules.forVoteReceived(event.direction()));
    }
}
