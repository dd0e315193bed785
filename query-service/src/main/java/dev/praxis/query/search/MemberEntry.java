package dev.praxis.query.search;

import dev.praxis.api.privacy.PersonalData;
import java.util.Set;
import java.util.TreeSet;

/** What the index knows of a member: the names to find them by and the communities they belong to. */
record MemberEntry(String id, String displayName, String profileName, Set<String> communities) {

    MemberEntry {
        communities = communities == null ? Set.of() : Set.copyOf(communities);
    }

    /** The name shown: the profile's wins over the one the member joined with. */
    String name() {
        return profileName != null ? profileName : displayName != null ? displayName : id;
    }

    MemberEntry joined(String communityId, String name) {
        Set<String> next = new TreeSet<>(communities);
        next.add(communityId);
        return new MemberEntry(id, name, profileName, next);
    }

    MemberEntry left(String communityId) {
        Set<String> next = new TreeSet<>(communities);
        next.remove(communityId);
        return new MemberEntry(id, displayName, profileName, next);
    }

    MemberEntry erased() {
        return new MemberEntry(id, displayName == null ? null : PersonalData.ERASED,
                profileName == null ? null : PersonalData.ERASED, communities);
    }

    MemberEntry withProfileName(String name) {
        return new MemberEntry(id, displayName, name, communities);
    }
}
