package dev.praxis.gateway.community;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.gateway.client.MutationInput;
import java.time.Instant;
import java.util.List;

/** The inputs of the settings and membership mutations, as the schema declares them. */
public final class MembershipInputs {

    private MembershipInputs() {
    }

    public record PrivilegeThresholdInput(Privilege privilege, Integer threshold) {
    }

    public record ChangeCommunitySettingsInput(String communityId, CommunityVisibility visibility,
            PrivilegePreset privilegePreset, List<PrivilegeThresholdInput> thresholds, String description,
            String idempotencyKey, String clientMutationId) implements MutationInput {
    }

    public record LeaveCommunityInput(String communityId, String idempotencyKey, String clientMutationId)
            implements MutationInput {
    }

    public record InviteMemberInput(String communityId, String memberId, String idempotencyKey,
            String clientMutationId) implements MutationInput {
    }

    public record RequestMembershipInput(String communityId, String message, String idempotencyKey,
            String clientMutationId) implements MutationInput {
    }

    public record ApproveMembershipRequestInput(String communityId, String memberId, String idempotencyKey,
            String clientMutationId) implements MutationInput {
    }

    public record RejectMembershipRequestInput(String communityId, String memberId, String reason,
            String idempotencyKey, String clientMutationId) implements MutationInput {
    }

    public record ChangeMemberRoleInput(String communityId, String memberId, CommunityRole role,
            String idempotencyKey, String clientMutationId) implements MutationInput {
    }

    public record SuspendMemberInput(String communityId, String memberId, String reason, Instant until,
            String idempotencyKey, String clientMutationId) implements MutationInput {
    }

    public record LiftSuspensionInput(String communityId, String memberId, String idempotencyKey,
            String clientMutationId) implements MutationInput {
    }

    public record BanMemberInput(String communityId, String memberId, String reason, Instant until,
            String idempotencyKey, String clientMutationId) implements MutationInput {
    }

    public record UnbanMemberInput(String communityId, String memberId, String idempotencyKey,
            String clientMutationId) implements MutationInput {
    }
}
