package dev.praxis.command.tag;

import dev.praxis.api.privilege.Privilege;
import dev.praxis.command.privilege.Privileges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        Map<String, TagDirectory.Entry> known = new HashMap<>(directory.lookUp(communityId, normalisedTags));
        Set<String> resolved = new LinkedHashSet<>();
        for (String tag : normalisedTags) {
            resolved.add(known.get(tag).master().orElse(tag));
        }
        // a master that the question did not name itself is looked up too
        List<String> masters = resolved.stream().filter(tag -> !known.containsKey(tag)).toList();
        if (!masters.isEmpty()) {
            known.putAll(directory.lookUp(communityId, masters));
        }
        for (String tag : resolved) {
            if (!known.get(tag).exists()) {
                privileges.require(communityId, askerId, Privilege.CREATE_TAG);
            }
        }
        return new ArrayList<>(resolved);
    }
}
