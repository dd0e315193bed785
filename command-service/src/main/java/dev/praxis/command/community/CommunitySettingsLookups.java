package dev.praxis.command.community;

import dev.praxis.api.community.CommunityPrivilegeThresholdsChanged;
import dev.praxis.command.privilege.JdbcPrivileges;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries a community's changed privilege thresholds into the privilege lookup, in the transaction
 * that appends the settings event (a subscribing processor, see {@code CommandSideLookups}).
 */
@Component
class CommunitySettingsLookups {

    private final JdbcPrivileges privileges;

    CommunitySettingsLookups(JdbcPrivileges privileges) {
        this.privileges = privileges;
    }

    @EventHandler
    void on(CommunityPrivilegeThresholdsChanged event) {
        privileges.setThresholds(event.communityId(), event.thresholds());
    }
}
