package dev.praxis.api.query;

import java.util.List;

/**
 * An answer of the change feed: the changes of a topic after the asked position, oldest first, and
 * {@code scannedTo}, the position up to which the feed has looked. Nothing on the topic at or
 * before {@code scannedTo} remains to be delivered, so the next request asks {@code after=scannedTo}.
 */
public record ChangePage(List<ChangeView> changes, long scannedTo) {
}
