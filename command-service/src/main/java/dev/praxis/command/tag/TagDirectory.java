package dev.praxis.command.tag;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tags of each community and their synonyms, as the command side knows them outside the tag
 * aggregates: asking a question maps synonyms to their master and checks which tags are new.
 */
public interface TagDirectory {

    /** Whether the tag exists in the community (created, or carried by a question already). */
    boolean exists(String communityId, String tag);

    /** The master tag when {@code tag} is a synonym, empty otherwise. */
    Optional<String> masterOf(String communityId, String tag);

    /** Whether some synonym maps to {@code tag}, that is whether it is a master. */
    boolean hasSynonyms(String communityId, String tag);

    /** What the directory knows of a name: the master it maps to when it is a synonym, and whether it is a tag. */
    record Entry(Optional<String> master, boolean exists) {
    }

    /**
     * {@link #masterOf} and {@link #exists} for each of the names, in one lookup where the directory
     * can: asking a question needs both for every tag it carries.
     */
    default Map<String, Entry> lookUp(String communityId, Collection<String> tags) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String tag : tags) {
            entries.put(tag, new Entry(masterOf(communityId, tag), exists(communityId, tag)));
        }
        return entries;
    }
}
