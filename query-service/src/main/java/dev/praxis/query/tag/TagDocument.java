package dev.praxis.query.tag;

import dev.praxis.api.query.TagView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A tag in the {@code tags} collection; the id is {@code communityId + "/" + name}. */
record TagDocument(
        @Id String id,
        String communityId,
        String name,
        String description,
        List<String> synonyms,
        Long questionCount,
        Instant createdAt) {

    static final String COLLECTION = "tags";

    TagView view() {
        return new TagView(communityId, name, description, synonyms == null ? List.of() : synonyms,
                questionCount == null ? 0 : questionCount, createdAt);
    }
}
