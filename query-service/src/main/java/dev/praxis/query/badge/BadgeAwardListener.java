package dev.praxis.query.badge;

/**
 * Told of every badge the moment it is first awarded (never again for the same badge, whatever the
 * redeliveries): the hook for a "badge awarded" notification. Any Spring bean implementing it is
 * called, in the badge projection's thread, after the badge is stored. The stored awards are also
 * readable at any time from the {@code badges} collection (see {@link BadgeQueries}).
 */
public interface BadgeAwardListener {

    void awarded(BadgeAward award);
}
