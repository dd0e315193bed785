package dev.praxis.query.badge;

/**
 * Told of every badge when it is first awarded: the hook for a "badge awarded" notification. Any
 * Spring bean implementing it is called, in the badge projection's thread, after the badge is
 * stored, within the batch of the event that earned it. It hears of a badge again only when that
 * same event is delivered again (the batch that stored the badge may have stopped before the
 * listener's own writes), so what it does must be idempotent per award. The stored awards are also
 * readable at any time from the {@code badges} collection (see {@link BadgeQueries}).
 */
public interface BadgeAwardListener {

    void awarded(BadgeAward award);
}
