package dev.praxis.query.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import dev.praxis.query.shared.Claims;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;

/**
 * A token store that does not extend a claim it renewed a moment ago. Without a transaction manager a
 * tracking processor extends its claim before every batch and stores its token (which renews the claim
 * too) after it: two writes per batch and processor. Live, where a batch is often one event that a
 * dozen processors handle, that was 20 of the 58 MongoDB commands the query side spent per mutation.
 *
 * <p>A claim renewed less than a fifth of the claim timeout ago (by claiming, storing the token or
 * extending) cannot have been taken over by another instance, which waits for the whole timeout; so
 * extending it again changes nothing and is skipped. Past that, or after the claim was released, the
 * extension goes to the store, which refuses it when another instance holds the segment. Every other
 * call goes to the store unchanged.
 *
 * <p>It also tells which claims this instance has held without a break ({@link Claims}): from the
 * claim (fetching the token) until a release, a deletion or a refusal by the store, and only while
 * the claim is fresh in the sense above. {@code DeliveryHorizon} relies on it to know, without
 * reading MongoDB before every batch, that no other instance handed the segment's events meanwhile.
 */
final class FreshClaimTokenStore implements TokenStore, Claims {

    private final TokenStore delegate;
    private final Duration fresh;
    private final Clock clock;
    /** When this instance last renewed each claim it holds, by processor and segment (epoch millis). */
    private final Map<String, Long> renewed = new ConcurrentHashMap<>();
    /** The claims this instance holds, each with the identifier it got when it was claimed. */
    private final Map<String, Long> claims = new ConcurrentHashMap<>();
    private final AtomicLong claimIds = new AtomicLong();

    FreshClaimTokenStore(TokenStore delegate, Duration claimTimeout, Clock clock) {
        this.delegate = delegate;
        this.fresh = claimTimeout.dividedBy(5);
        this.clock = clock;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Long last = renewed.get(key(processorName, segment));
        long now = clock.millis();
        if (last != null && now - last >= 0 && now - last < fresh.toMillis()) {
            return;
        }
        try {
            delegate.extendClaim(processorName, segment);
        } catch (UnableToClaimTokenException lost) {
            forget(processorName, segment);
            throw lost;
        }
        renewed.put(key(processorName, segment), now);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        long now = clock.millis();
        try {
            delegate.storeToken(token, processorName, segment);
        } catch (UnableToClaimTokenException lost) {
            forget(processorName, segment);
            throw lost;
        }
        renewed.put(key(processorName, segment), now);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        long now = clock.millis();
        TrackingToken token = claim(() -> delegate.fetchToken(processorName, segment), processorName, segment);
        renewed.put(key(processorName, segment), now);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment)
            throws UnableToClaimTokenException {
        long now = clock.millis();
        TrackingToken token = claim(() -> delegate.fetchToken(processorName, segment), processorName,
                segment.getSegmentId());
        renewed.put(key(processorName, segment.getSegmentId()), now);
        return token;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        forget(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        forget(processorName, segment);
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }

    @Override
    public long unbrokenClaim(String processor, int segment) {
        String key = key(processor, segment);
        Long claim = claims.get(key);
        Long last = renewed.get(key);
        long now = clock.millis();
        if (claim == null || last == null || now - last < 0 || now - last >= fresh.toMillis()) {
            return -1;
        }
        return claim;
    }

    /** A new claim (a fetch of the token): a new identifier, even when this instance held the segment before. */
    private TrackingToken claim(Supplier<TrackingToken> fetch, String processorName, int segment) {
        forget(processorName, segment);
        TrackingToken token = fetch.get(); // refused: nothing is remembered of the segment
        claims.put(key(processorName, segment), claimIds.incrementAndGet());
        return token;
    }

    private void forget(String processorName, int segment) {
        String key = key(processorName, segment);
        claims.remove(key);
        renewed.remove(key);
    }

    private static String key(String processorName, int segment) {
        return processorName + "\u0000" + segment;
    }
}
