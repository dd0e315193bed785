package dev.praxis.command.tag;

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
}
