package dev.praxis.command.tag;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.command.privilege.Privileges;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags a new question carries: synonyms mapped to their master (duplicates dropped, order
 * kept), and a tag that does not exist yet in the community requires the asker's CREATE_TAG
 * privilege (FORBIDDEN {@code MISSING_PRIVILEGE}). Such a tag is created implicitly: the question
 * aggregate emits nothing besides {@code QuestionAsked}, and {@link JdbcTagDirectory} records the
 * tag from it.
 */
public final class TagUsage {

    private TagUsage() {
    }

    public static List<String> resolve(List<String> normalisedTags, String communityId, String askerId,
                                       TagDirectory directory, Privileges privileges) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String tag : normalisedTags) {
            resolved.add(directory.masterOf(communityId, tag).orElse(tag));
        }
        for (String tag : resolved) {
            if (!directory.exists(communityId, tag)) {
                privileges.require(communityId, askerId, Privilege.CREATE_TAG);
            }
        }
        return new ArrayList<>(resolved);
    }
}
