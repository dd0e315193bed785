package dev.praxis.gateway.community;

import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;

/** The payloads of the settings and membership mutations: the changed objects, read back at the command's position. */
public final class MembershipPayloads {

    private MembershipPayloads() {
    }

    /** The community alone (settings, invitation, request, rejection, unban). */
    public record CommunityPayload(CommunityView community, String clientMutationId) {
    }

    /** The community and the viewer (leaving). */
    public record CommunityAndViewerPayload(CommunityView community, MemberView member, String clientMutationId) {
    }

    /** The community and the member acted on (approval, role, suspension, ban). */
    public record CommunityMemberPayload(CommunityView community, CommunityMemberView member, String clientMutationId) {
    }
}
