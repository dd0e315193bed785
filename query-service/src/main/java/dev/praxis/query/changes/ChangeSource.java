package dev.praxis.query.changes;

import dev.praxis.api.query.ChangeView;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A kind of topic that the change feed serves ({@code GET /changes?topic=<type>:<key>}). A source
 * answers the changes a projection recorded with the global position of their event; the feed
 * takes care of cursors, waiting, ordering and per-change read access. To serve another topic
 * (a member's feed items or notifications, say), declare one more {@code @Component} of this type
 * over what that projection records.
 */
public interface ChangeSource {

    /** The topic type, the part of a topic before the first colon. */
    String type();

    /** The processing group that records these changes: its horizon bounds what may be answered. */
    String processingGroup();

    /**
     * Refuses, with a {@link dev.praxis.query.shared.QueryRejectedException}, a viewer (null:
     * anonymous) who may not follow the topic now, or a key that names nothing. The feed calls it
     * when a subscriber starts and again before it answers any change.
     */
    void authorize(String key, @Nullable String viewer);

    /** The topic's changes with {@code after < position <= upTo}, oldest first, at most {@code limit}. */
    List<ChangeView> changes(String key, long after, long upTo, int limit);
}
