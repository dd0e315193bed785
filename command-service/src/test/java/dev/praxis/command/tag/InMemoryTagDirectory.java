package dev.praxis.command.tag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tag directory as aggregate tests set it up; the JDBC one runs in the end-to-end tests. */
public class InMemoryTagDirectory implements TagDirectory {

    private final Set<String> tags = new HashSet<>();
    private final Map<String, String> masters = new HashMap<>();

    public InMemoryTagDirectory withTag(String communityId, String tag) {
        tags.add(communityId + "/" + tag);
        return this;
    }

    public InMemoryTagDirectory withSynonym(String communityId, String synonym, String master) {
        masters.put(communityId + "/" + synonym, master);
        return this;
    }

    @Override
    public boolean exists(String communityId, String tag) {
        return tags.contains(communityId + "/" + tag);
    }

    @Override
    public Optional<String> masterOf(String communityId, String tag) {
        return Optional.ofNullable(masters.get(communityId + "/" + tag));
    }

    @Override
    public boolean hasSynonyms(String communityId, String tag) {
        return masters.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(communityId + "/") && e.getValue().equals(tag));
    }
}
