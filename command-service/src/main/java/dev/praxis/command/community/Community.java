package dev.praxis.command.community;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.shared.Limits;
import dev.praxis.command.shared.InputRules;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A community of practice and its membership. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Community {

    @AggregateIdentifier
    private String communityId;
    private Map<String, CommunityRole> members = new HashMap<>();

    protected Community() {
        // for Axon
    }

    @CommandHandler
    public Community(CreateCommunity command) {
        InputRules.requireId(command.communityId(), "communityId");
        String name = InputRules.requireText(command.name(), "name", Limits.COMMUNITY_NAME_MIN, Limits.COMMUNITY_NAME_MAX);
        String description = InputRules.optionalText(command.description(), "description", Limits.COMMUNITY_DESCRIPTION_MAX);
        String displayName = displayName(command.actorName(), command.actorId());
        PrivilegePreset preset = command.privilegePreset() == null ? PrivilegePreset.STACK_OVERFLOW : command.privilegePreset();
        apply(new CommunityCreated(command.communityId(), name, description, preset, command.actorId(), command.occurredAt()));
        apply(new MemberJoinedCommunity(command.communityId(), command.actorId(), displayName, CommunityRole.OWNER,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(JoinCommunity command) {
        if (members.containsKey(command.actorId())) {
            throw conflict("ALREADY_MEMBER", "You are already a member of this community.");
        }
        apply(new MemberJoinedCommunity(communityId, command.actorId(), displayName(command.actorName(), command.actorId()),
                CommunityRole.MEMBER, command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommunityCreated event) {
        this.communityId = event.communityId();
    }

    @EventSourcingHandler
    void on(MemberJoinedCommunity event) {
        members.put(event.memberId(), event.role());
    }

    /** The name a member shows, from their identity; the id when the identity has none. */
    private static String displayName(String actorName, String actorId) {
        String name = actorName == null || actorName.isBlank() ? actorId : actorName.strip();
        return name.length() > Limits.DISPLAY_NAME_MAX ? name.substring(0, Limits.DISPLAY_NAME_MAX) : name;
    }
}
