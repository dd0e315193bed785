package dev.praxis.query.shared;

import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * What this instance knows of its own claims on the processors' segments in the token store.
 */
@FunctionalInterface
public interface Claims {

    /** For a processor whose token store tells nothing: no claim is ever known to be unbroken. */
    Claims UNKNOWN = (processor, segment) -> -1;

    /**
     * An identifier of this instance's claim on the segment, the same from the moment it claimed
     * the segment until it released or lost it, or -1. It is answered only while the claim was
     * renewed so recently that no other instance can have taken the segment over since (another
     * instance waits for the whole claim timeout): the same identifier twice therefore means that no
     * other instance handled the segment's events in between.
     */
    long unbrokenClaim(String processor, int segment);

    /** What the processors' token store tells of this instance's claims, if it tells anything. */
    static Claims of(TokenStore tokenStore) {
        return tokenStore instanceof Claims claims ? claims : UNKNOWN;
    }
}
